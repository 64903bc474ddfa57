using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Common;

/// <summary>Tenancy: staff reach every account, an owner only the accounts it is a member of.</summary>
public static class Access
{
    /// <summary>The accounts the actor may reach, or null for staff (all of them).</summary>
    public static async Task<IReadOnlyList<string>?> AccountIdsAsync(this IPortalDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsStaff)
        {
            return null;
        }

        return await db.AccountMembers.AsNoTracking()
            .Where(m => m.UserId == actor.UserId)
            .Select(m => m.AccountId)
            .ToListAsync(ct);
    }

    public static async Task<bool> CanReachAccountAsync(this IPortalDbContext db, Actor actor, string accountId, CancellationToken ct) =>
        actor.IsStaff
            ? await db.Accounts.AnyAsync(a => a.Id == accountId, ct)
            : await db.AccountMembers.AnyAsync(m => m.AccountId == accountId && m.UserId == actor.UserId, ct);

    public static IQueryable<PhoneNumber> Within(this IQueryable<PhoneNumber> numbers, IReadOnlyList<string>? accountIds) =>
        accountIds switch
        {
            null => numbers,
            [var only] => numbers.Where(n => n.AccountId == only),
            _ => numbers.Where(n => accountIds.Contains(n.AccountId)),
        };

    public static IQueryable<ReleaseRequest> Within(this IQueryable<ReleaseRequest> requests, IReadOnlyList<string>? accountIds) =>
        accountIds switch
        {
            null => requests,
            [var only] => requests.Where(r => r.AccountId == only),
            _ => requests.Where(r => accountIds.Contains(r.AccountId)),
        };

    /// <summary>The number the key names, loaded for change, or NUMBER_NOT_FOUND when it does not exist or is not the actor's.</summary>
    public static async Task<Result<PhoneNumber>> FindNumberAsync(this IPortalDbContext db, Actor actor, NumberKey key, CancellationToken ct)
    {
        var accountIds = await db.AccountIdsAsync(actor, ct);
        var numbers = db.PhoneNumbers.Include(n => n.Agents).Within(accountIds);
        PhoneNumber? number;
        var named = key.ToString();
        if (key.NumberId is { } id)
        {
            number = await numbers.FirstOrDefaultAsync(n => n.Id == id, ct);
        }
        else
        {
            var parsed = E164.Parse(key.E164);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            var e164 = parsed.Value.Value;
            named = e164;
            number = await numbers
                .Where(n => n.AccountId == key.AccountId && n.E164 == e164)
                .OrderBy(n => n.Status == NumberStatus.Returned)
                .ThenByDescending(n => n.PurchasedAt)
                .FirstOrDefaultAsync(ct);
        }

        return number is null ? Errors.NotFound(named) : number;
    }

    /// <summary>
    /// The number a request is about, loaded for change. The request and the number are read one after the other, so a
    /// decision committed in between shows as a pending request whose number is no longer pending: CONCURRENT_UPDATE.
    /// </summary>
    public static async Task<Result<PhoneNumber>> FindNumberOfAsync(this IPortalDbContext db, ReleaseRequest request, CancellationToken ct)
    {
        var number = await db.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == request.PhoneNumberId, ct);
        return request.Status == ReleaseRequestStatus.Pending && number.Status != NumberStatus.ReleasePending ? Errors.Concurrent() : number;
    }

    /// <summary>The request and the number it is about, both loaded for change (see <see cref="FindNumberOfAsync"/>).</summary>
    public static async Task<Result<(ReleaseRequest Request, PhoneNumber Number)>> FindRequestAndNumberAsync(
        this IPortalDbContext db, Actor actor, string requestId, CancellationToken ct)
    {
        var request = await db.FindRequestAsync(actor, requestId, ct);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        var number = await db.FindNumberOfAsync(request.Value, ct);
        return number.IsSuccess ? (request.Value, number.Value) : number.Error;
    }

    /// <summary>The release request, or REQUEST_NOT_FOUND when it does not exist or belongs to another tenant.</summary>
    public static async Task<Result<ReleaseRequest>> FindRequestAsync(this IPortalDbContext db, Actor actor, string requestId, CancellationToken ct)
    {
        var accountIds = await db.AccountIdsAsync(actor, ct);
        var request = await db.ReleaseRequests.Within(accountIds).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        return request is null ? Errors.RequestMissing(requestId) : request;
    }
}

/// <summary>Names a number by its id (pages) or by account and E.164 (the HTTP API).</summary>
public sealed record NumberKey(string? NumberId, string? AccountId, string? E164)
{
    public static NumberKey ById(string id) => new(id, null, null);

    public static NumberKey ByE164(string accountId, string e164) => new(null, accountId, e164);

    public override string ToString() => NumberId ?? E164 ?? string.Empty;
}
