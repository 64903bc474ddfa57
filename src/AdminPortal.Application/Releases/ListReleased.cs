using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

public sealed record ReleasedNumberView(
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
    DateTime? CancellableUntil,
    string? BatchId = null)
{
    /// <summary>How long the release can still be cancelled at the given time, or null once it cannot.</summary>
    public TimeSpan? CancelWindowLeft(DateTime now) => CancellableUntil is { } until && until > now ? until - now : null;
}

/// <summary>Numbers still in cooling-off, and those returned to inventory in the last days (30 by default), newest release first.</summary>
public sealed class ListReleased(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<Result<Page<ReleasedNumberView>>> HandleAsync(Actor actor, string? accountId, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await (await db.ReachAsync(actor, ct)).NarrowAsync(accountId, ct);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var now = time.UtcNow();
        var since = now.AddDays(-options.Value.ReleasedListDays);
        var query = reach.Value.Numbers.AsNoTracking()
            .Where(n => n.Status == NumberStatus.Released || (n.Status == NumberStatus.Returned && n.ReturnedAt >= since));
        int? total = paging.WithTotal ? await query.CountAsync(ct) : null;
        var numbers = await query
            .OrderByDescending(n => n.ReleasedAt).ThenBy(n => n.Id)
            .Skip(paging.Skip).Take(paging.Limit)
            .ToListAsync(ct);

        // The fee of each release is kept on the request that led to it; voided ones count nothing.
        var ids = numbers.Select(n => n.Id).ToList();
        var releases = (await reach.Value.Requests.AsNoTracking()
                .Where(r => ids.Contains(r.PhoneNumberId) && r.Status == ReleaseRequestStatus.Approved)
                .Select(r => new { r.PhoneNumberId, r.DecidedAt, r.FeeCents, r.FeeVoidedAt, r.BatchId })
                .ToListAsync(ct))
            .GroupBy(r => r.PhoneNumberId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.DecidedAt).First());
        var rows = numbers.Select(n => new ReleasedNumberView(
                n.Id, n.AccountId, n.E164, n.Label, n.Status, n.ReleasedAt!.Value, n.AvailableAfter!.Value, n.ReturnedAt,
                releases.GetValueOrDefault(n.Id) is { FeeVoidedAt: null } release ? new Money(release.FeeCents) : Money.Zero, n.TrunkGroupBeforeRelease, n.InboundRoutingBeforeRelease,
                n.CanCancelReleaseAt(now) ? n.AvailableAfter : null, releases.GetValueOrDefault(n.Id)?.BatchId))
            .ToList();
        return new Page<ReleasedNumberView>(rows, total, null);
    }
}
