using AdminPortal.Application.Common;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Accounts;

public sealed record OwnerView(string UserId, string Email, string DisplayName);

/// <summary>An account with its owners and how many of its numbers are active.</summary>
public sealed record AccountDetailsView(string Id, string Name, ReleasePolicy ReleasePolicy, IReadOnlyList<OwnerView> Owners, int ActiveNumbers);

/// <summary>The accounts the actor reaches, with their owners: every account for staff, an owner's own (their team) otherwise.</summary>
public sealed class ListAccountDetails(IPortalDbFactory dbFactory, IUserDirectory directory)
{
    public async Task<IReadOnlyList<AccountDetailsView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await db.ReachAsync(actor, ct);
        var accounts = await reach.Accounts.AsNoTracking().Include(a => a.Members).OrderBy(a => a.Name).ToListAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        var active = await db.PhoneNumbers.Where(n => ids.Contains(n.AccountId) && n.Status == NumberStatus.Active)
            .GroupBy(n => n.AccountId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return await AccountAdministration.DetailsAsync(directory, accounts, active, ct);
    }
}

/// <summary>The skeleton of an administrator's change to one account: admins only, the account found, the change audited.</summary>
internal static class AccountAdministration
{
    public static async Task<Result<AccountDetailsView>> ChangeAccountAsync(
        this IUserDirectory directory,
        Actor actor,
        string accountId,
        Func<IUserSession, Account, Task<Result<AuditEvent>>> change,
        CancellationToken ct)
    {
        if (!actor.IsAdmin)
        {
            return Errors.Admin();
        }

        await using var session = await directory.OpenAsync(ct);
        var account = await session.Db.Accounts.Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return Errors.AccountMissing(accountId);
        }

        var audit = await change(session, account);
        if (!audit.IsSuccess)
        {
            return audit.Error;
        }

        session.Db.AuditEvents.Add(audit.Value);
        var saved = await session.CommitAsync(ct);
        if (!saved.IsSuccess)
        {
            return saved.Error;
        }

        var active = await session.Db.PhoneNumbers.CountAsync(n => n.AccountId == account.Id && n.Status == NumberStatus.Active, ct);
        return (await DetailsAsync(directory, [account], new Dictionary<string, int> { [account.Id] = active }, ct))[0];
    }

    public static string Subject(Account account) => $"account {account.Id}";

    public static object Snapshot(Account account) => new { name = account.Name, release_policy = account.ReleasePolicy, owners = account.Members.Count };

    internal static async Task<IReadOnlyList<AccountDetailsView>> DetailsAsync(
        IUserDirectory directory, IReadOnlyList<Account> accounts, IReadOnlyDictionary<string, int> active, CancellationToken ct)
    {
        var users = (await directory.FindManyAsync([.. accounts.SelectMany(a => a.Members).Select(m => m.UserId).Distinct()], ct)).ToDictionary(u => u.Id);
        return [.. accounts.Select(a => new AccountDetailsView(
            a.Id,
            a.Name,
            a.ReleasePolicy,
            [.. a.Members.Where(m => users.ContainsKey(m.UserId)).Select(m => users[m.UserId]).OrderBy(u => u.Email).Select(u => new OwnerView(u.Id, u.Email, u.DisplayName))],
            active.GetValueOrDefault(a.Id)))];
    }
}
