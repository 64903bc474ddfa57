using AdminPortal.Application.Common;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Accounts;

/// <summary>Opens a new account, without owners until an administrator adds them.</summary>
public sealed class CreateAccount(IUserDirectory directory, TimeProvider time)
{
    public async Task<Result<AccountDetailsView>> HandleAsync(Actor actor, string? name, ReleasePolicy policy, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            return Errors.Admin();
        }

        if (!Enum.IsDefined(policy))
        {
            return AccountErrors.Policy();
        }

        var opened = Account.Open(Ids.New(Account.IdPrefix), name, policy);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var account = opened.Value;
        await using (var session = await directory.OpenAsync(ct))
        {
            session.Db.Accounts.Add(account);
            session.Db.AuditEvents.Add(AuditEvent.Record(
                actor, time.UtcNow(), AuditAction.AccountCreated, account.Id, AccountAdministration.Subject(account), $"Opened the account {account.Name}",
                null, AccountAdministration.Snapshot(account)));
            var saved = await session.CommitAsync(ct);
            if (!saved.IsSuccess)
            {
                return saved.Error;
            }
        }

        return new AccountDetailsView(account.Id, account.Name, account.ReleasePolicy, [], 0);
    }
}

public sealed class RenameAccount(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<AccountDetailsView>> HandleAsync(Actor actor, string accountId, string? name, CancellationToken ct = default) =>
        directory.ChangeAccountAsync(actor, accountId, (_, account) =>
        {
            var before = AccountAdministration.Snapshot(account);
            var old = account.Name;
            var renamed = account.Rename(name);
            return Task.FromResult(renamed.IsSuccess
                ? (Result<AuditEvent>)AuditEvent.Record(actor, time.UtcNow(), AuditAction.AccountRenamed, account.Id, AccountAdministration.Subject(account),
                    $"Renamed {old} to {account.Name}", before, AccountAdministration.Snapshot(account))
                : renamed.Error);
        }, ct);
}

/// <summary>Under SelfService an owner's release is approved at once; under ReviewRequired it waits for a reviewer.</summary>
public sealed class SetReleasePolicy(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<AccountDetailsView>> HandleAsync(Actor actor, string accountId, ReleasePolicy policy, CancellationToken ct = default) =>
        directory.ChangeAccountAsync(actor, accountId, (_, account) =>
        {
            if (!Enum.IsDefined(policy))
            {
                return Task.FromResult<Result<AuditEvent>>(AccountErrors.Policy());
            }

            var before = AccountAdministration.Snapshot(account);
            account.SetReleasePolicy(policy);
            return Task.FromResult<Result<AuditEvent>>(AuditEvent.Record(
                actor, time.UtcNow(), AuditAction.ReleasePolicyChanged, account.Id, AccountAdministration.Subject(account),
                $"{account.Name} now uses the {policy} release policy", before, AccountAdministration.Snapshot(account)));
        }, ct);
}

/// <summary>Makes an Owner user an owner of the account too.</summary>
public sealed class AddOwner(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<AccountDetailsView>> HandleAsync(Actor actor, string accountId, string? user, CancellationToken ct = default) =>
        directory.ChangeAccountAsync(actor, accountId, async (session, account) =>
        {
            if (string.IsNullOrWhiteSpace(user))
            {
                return new Error(Errors.InvalidParameter, "The user to add is required", "Name the user by e-mail address or id, such as owner2@example.com");
            }

            if (await session.FindAsync(user.Trim(), ct) is not { } owner)
            {
                return Errors.UserMissing(user.Trim());
            }

            if (owner.Role != PortalRoles.Owner)
            {
                return new Error(Errors.UserNotAnOwner, $"{owner.Email} is {owner.Role}, not Owner", "Staff reach every account already; only Owner users are added to accounts");
            }

            var before = AccountAdministration.Snapshot(account);
            account.AddOwner(owner.Id);
            return AuditEvent.Record(actor, time.UtcNow(), AuditAction.OwnerAdded, account.Id, UserAdministration.Subject(owner),
                $"{owner.Email} became an owner of {account.Name}", before, AccountAdministration.Snapshot(account));
        }, ct);
}

/// <summary>
/// Takes an owner off an account. Leaving an account with active numbers without any owner needs the administrator to
/// confirm, having been told which numbers; staff still see the account.
/// </summary>
public sealed class RemoveOwner(IUserDirectory directory, TimeProvider time)
{
    public const int NumbersNamed = 20;

    public Task<Result<AccountDetailsView>> HandleAsync(Actor actor, string accountId, string userId, bool confirmed, CancellationToken ct = default) =>
        directory.ChangeAccountAsync(actor, accountId, async (session, account) =>
        {
            if (!account.IsOwnedBy(userId) || await session.FindAsync(userId, ct) is not { } owner)
            {
                return new Error(Errors.UserNotAnOwner, $"That user is not an owner of {account.Name}", "Reload the account to see its owners");
            }

            if (account.Members.Count == 1 && !confirmed)
            {
                var active = session.Db.PhoneNumbers.Where(n => n.AccountId == account.Id && n.Status == NumberStatus.Active);
                var count = await active.CountAsync(ct);
                if (count > 0)
                {
                    var named = await active.OrderBy(n => n.E164).Select(n => n.E164).Take(NumbersNamed).ToListAsync(ct);
                    return new Error(
                        Errors.LastOwner,
                        $"{owner.Email} is the last owner of {account.Name}, which has {count} active number(s): {string.Join(", ", named)}{(count > named.Count ? $" and {count - named.Count} more" : string.Empty)}",
                        "Add another owner first, or confirm to leave the account without an owner (staff still see it)");
                }
            }

            var before = AccountAdministration.Snapshot(account);
            account.RemoveOwner(owner.Id);
            return AuditEvent.Record(actor, time.UtcNow(), AuditAction.OwnerRemoved, account.Id, UserAdministration.Subject(owner),
                $"{owner.Email} is no longer an owner of {account.Name}", before, AccountAdministration.Snapshot(account));
        }, ct);
}

internal static class AccountErrors
{
    public static Error Policy() => new(
        Errors.InvalidParameter,
        "That is not a release policy",
        $"Use one of {string.Join(", ", Enum.GetNames<ReleasePolicy>())}");
}
