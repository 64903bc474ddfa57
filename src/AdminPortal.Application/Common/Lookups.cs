using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Common;

/// <summary>Finding the items a use case changes, within what the actor reaches.</summary>
public static class Lookups
{
    /// <summary>The number the key names, loaded for change, or NUMBER_NOT_FOUND when it does not exist or is not reached.</summary>
    public static async Task<Result<PhoneNumber>> FindNumberAsync(this Reach reach, NumberKey key, CancellationToken ct)
    {
        var numbers = reach.Numbers.Include(n => n.Agents);
        if (key.NumberId is { } id)
        {
            return await numbers.FirstOrDefaultAsync(n => n.Id == id, ct) is { } byId ? byId : Errors.NumberMissing(id);
        }

        var parsed = E164.Parse(key.E164);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var e164 = parsed.Value.Value;
        var number = await numbers
            .Where(n => n.AccountId == key.AccountId && n.E164 == e164)
            .OrderBy(n => n.Status == NumberStatus.Returned)
            .ThenByDescending(n => n.PurchasedAt)
            .FirstOrDefaultAsync(ct);
        return number is null ? Errors.NumberMissing(e164) : number;
    }

    public static async Task<Result<PhoneNumber>> FindNumberAsync(this IPortalDbContext db, Actor actor, NumberKey key, CancellationToken ct) =>
        await (await db.ReachAsync(actor, ct)).FindNumberAsync(key, ct);

    /// <summary>The release request, or REQUEST_NOT_FOUND when it does not exist or is not reached.</summary>
    public static async Task<Result<ReleaseRequest>> FindRequestAsync(this Reach reach, string requestId, CancellationToken ct) =>
        await reach.Requests.FirstOrDefaultAsync(r => r.Id == requestId, ct) is { } request ? request : Errors.RequestMissing(requestId);

    /// <summary>
    /// The request and the number it is about, both loaded for change. They are read one after the other, so a decision
    /// committed in between shows as a pending request whose number is no longer pending: CONCURRENT_UPDATE.
    /// </summary>
    public static async Task<Result<(ReleaseRequest Request, PhoneNumber Number)>> FindRequestAndNumberAsync(this Reach reach, string requestId, CancellationToken ct)
    {
        var request = await reach.FindRequestAsync(requestId, ct);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        var number = await reach.Numbers.Include(n => n.Agents).SingleAsync(n => n.Id == request.Value.PhoneNumberId, ct);
        return request.Value.Status is ReleaseRequestStatus.Pending or ReleaseRequestStatus.Scheduled && number.Status != NumberStatus.ReleasePending
            ? Errors.Concurrent()
            : (request.Value, number);
    }
}

/// <summary>Names a number by its id (pages) or by account and E.164 (the HTTP API).</summary>
public sealed record NumberKey(string? NumberId, string? AccountId, string? E164)
{
    public static NumberKey ById(string id) => new(id, null, null);

    public static NumberKey ByE164(string accountId, string e164) => new(null, accountId, e164);

    public override string ToString() => NumberId ?? E164 ?? string.Empty;
}
