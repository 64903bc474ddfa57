using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Dashboard;

/// <summary>
/// The release flow of the whole platform, for the portal's metrics: what waits, since when, how fast it is decided, and
/// how many numbers went back to inventory in the last minute.
/// </summary>
public sealed record QueueMeasure(int Pending, TimeSpan OldestPendingAge, int DecisionsLastMinute, int ReturnsLastMinute);

/// <summary>
/// Reads the queue across every account and every portal instance (the database is the one place that knows it); the
/// metrics sampler calls it, never a user, so it takes no actor.
/// </summary>
public sealed class MeasureQueue(IPortalDbFactory dbFactory, TimeProvider time)
{
    private static readonly AuditAction[] Decisions = [AuditAction.ReleaseApproved, AuditAction.ReleaseRejected, AuditAction.ReleaseFirstApproved];

    public async Task<QueueMeasure> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var pending = db.ReleaseRequests.Where(r => r.Status == ReleaseRequestStatus.Pending);
        var count = await pending.CountAsync(ct);
        var oldest = await pending.MinAsync(r => (DateTime?)r.RequestedAt, ct);
        var since = now.AddMinutes(-1);
        var recent = db.AuditEvents.Where(e => e.OccurredAt > since);
        var decisions = await recent.CountAsync(e => Decisions.Contains(e.Action), ct);
        var returns = await recent.CountAsync(e => e.Action == AuditAction.ReturnedToInventory, ct);
        return new QueueMeasure(count, oldest is { } at ? now - at : TimeSpan.Zero, decisions, returns);
    }
}
