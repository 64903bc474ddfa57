using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Common;

/// <summary>
/// Tenancy, declared once: what an actor reaches. Staff reach every account; an owner only the accounts it is a member
/// of, and anything outside them is "not found". Use cases read through a reach, never through the tables themselves;
/// staff-only use cases open theirs with <see cref="ReachExtensions.StaffReach"/>.
/// </summary>
public sealed class Reach
{
    private readonly IPortalDbContext _db;

    private Reach(IPortalDbContext db, Actor actor, IReadOnlyList<string>? accountIds)
    {
        _db = db;
        Actor = actor;
        AccountIds = accountIds;
    }

    public Actor Actor { get; }

    /// <summary>The accounts reached, or null for every account.</summary>
    public IReadOnlyList<string>? AccountIds { get; }

    public IQueryable<Account> Accounts => AccountIds is null ? _db.Accounts : _db.Accounts.Where(a => AccountIds.Contains(a.Id));

    public IQueryable<PhoneNumber> Numbers => Within(_db.PhoneNumbers);

    /// <summary>The numbers of <paramref name="numbers"/> (a search's matches, say) in the accounts reached.</summary>
    public IQueryable<PhoneNumber> Within(IQueryable<PhoneNumber> numbers) => AccountIds switch
    {
        null => numbers,
        [var only] => numbers.Where(n => n.AccountId == only),
        _ => numbers.Where(n => AccountIds.Contains(n.AccountId)),
    };

    public IQueryable<NumberTally> NumberTallies => AccountIds switch
    {
        null => _db.NumberTallies,
        [var only] => _db.NumberTallies.Where(t => t.AccountId == only),
        _ => _db.NumberTallies.Where(t => AccountIds.Contains(t.AccountId)),
    };

    public IQueryable<ReleaseRequest> Requests => AccountIds switch
    {
        null => _db.ReleaseRequests,
        [var only] => _db.ReleaseRequests.Where(r => r.AccountId == only),
        _ => _db.ReleaseRequests.Where(r => AccountIds.Contains(r.AccountId)),
    };

    public IQueryable<AuditEvent> AuditEvents => AccountIds switch
    {
        null => _db.AuditEvents,
        [var only] => _db.AuditEvents.Where(e => e.AccountId == only),
        _ => _db.AuditEvents.Where(e => AccountIds.Contains(e.AccountId)),
    };

    /// <summary>Whether the actor is a member (an owner) of the account: staff reach every account without owning one.</summary>
    public bool Owns(string accountId) => AccountIds?.Contains(accountId) == true;

    internal static async Task<Reach> OfAsync(IPortalDbContext db, Actor actor, CancellationToken ct) =>
        new(db, actor, actor.IsStaff
            ? null
            : await db.AccountMembers.AsNoTracking().Where(m => m.UserId == actor.UserId).Select(m => m.AccountId).ToListAsync(ct));

    internal static Result<Reach> OfStaff(IPortalDbContext db, Actor actor) => actor.IsStaff ? new Reach(db, actor, null) : Errors.Staff();

    /// <summary>This reach narrowed to one account (none: unchanged), or ACCOUNT_NOT_FOUND when the actor does not reach it.</summary>
    public async Task<Result<Reach>> NarrowAsync(string? accountId, CancellationToken ct)
    {
        if (accountId is null)
        {
            return this;
        }

        var reached = AccountIds is null ? await _db.Accounts.AnyAsync(a => a.Id == accountId, ct) : AccountIds.Contains(accountId);
        return reached ? new Reach(_db, Actor, [accountId]) : Errors.AccountMissing(accountId);
    }
}

public static class ReachExtensions
{
    public static Task<Reach> ReachAsync(this IPortalDbContext db, Actor actor, CancellationToken ct) => Reach.OfAsync(db, actor, ct);

    /// <summary>The reach of a staff member, or STAFF_ONLY: the single place where "staff only" is decided.</summary>
    public static Result<Reach> StaffReach(this IPortalDbContext db, Actor actor) => Reach.OfStaff(db, actor);
}
