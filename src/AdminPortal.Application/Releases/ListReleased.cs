using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

public sealed record ReleasedNumber(
    string NumberId,
    string AccountId,
    string E164,
    string Label,
    NumberStatus Status,
    DateTime ReleasedAt,
    DateTime AvailableAfter,
    DateTime? ReturnedAt,
    Money EarlyTerminationFee,
    string? TrunkGroupBeforeRelease,
    string? InboundRoutingBeforeRelease,
    DateTime? CancellableUntil)
{
    /// <summary>How long the release can still be cancelled at the given time, or null once it cannot.</summary>
    public TimeSpan? CancelWindowLeft(DateTime now) => CancellableUntil is { } until && until > now ? until - now : null;
}

/// <summary>Numbers still in cooling-off, and those returned to inventory in the last days (30 by default), newest release first.</summary>
public sealed class ListReleased(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<Result<Page<ReleasedNumber>>> HandleAsync(Actor actor, string? accountId, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (accountId is not null && !await db.CanReachAccountAsync(actor, accountId, ct))
        {
            return Errors.AccountMissing(accountId);
        }

        var now = time.UtcNow();
        var since = now.AddDays(-options.Value.ReleasedListDays);
        var query = db.PhoneNumbers.AsNoTracking()
            .Within(accountId is null ? await db.AccountIdsAsync(actor, ct) : [accountId])
            .Where(n => n.Status == NumberStatus.Released || (n.Status == NumberStatus.Returned && n.ReturnedAt >= since));
        int? total = paging.WithTotal ? await query.CountAsync(ct) : null;
        var numbers = await query
            .OrderByDescending(n => n.ReleasedAt).ThenBy(n => n.Id)
            .Skip(paging.Skip).Take(paging.Limit)
            .ToListAsync(ct);
        var rows = numbers.Select(n => new ReleasedNumber(
                n.Id, n.AccountId, n.E164, n.Label, n.Status, n.ReleasedAt!.Value, n.AvailableAfter!.Value, n.ReturnedAt,
                new Money(n.ReleaseFeeCents), n.TrunkGroupBeforeRelease, n.InboundRoutingBeforeRelease,
                n.CanCancelReleaseAt(now) ? n.AvailableAfter : null))
            .ToList();
        return new Page<ReleasedNumber>(rows, total, null);
    }
}
