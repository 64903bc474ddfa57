using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Dashboard;

public sealed record WeekView(DateOnly WeekStart, int Releases, Money FeesCharged);

public sealed record DashboardView(int PendingCount, TimeSpan? OldestPendingAge, IReadOnlyList<WeekView> Weeks);

/// <summary>Pending work and release volume per week (Monday to Sunday, UTC) over the last weeks, in the actor's accounts.</summary>
public sealed class GetDashboard(IPortalDbFactory dbFactory, TimeProvider time)
{
    public const int WeekCount = 12;

    public async Task<Result<DashboardView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var requests = (await db.ReachAsync(actor, ct)).Requests.AsNoTracking();
        var pending = requests.Where(r => r.Status == ReleaseRequestStatus.Pending);
        var pendingCount = await pending.CountAsync(ct);
        var oldest = await pending.OrderBy(r => r.RequestedAt).Select(r => (DateTime?)r.RequestedAt).FirstOrDefaultAsync(ct);

        var now = time.UtcNow();
        var today = DateOnly.FromDateTime(now);
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstWeek = thisWeek.AddDays(-7 * (WeekCount - 1));
        var since = firstWeek.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var approvals = await requests
            .Where(r => r.Status == ReleaseRequestStatus.Approved && r.DecidedAt >= since)
            .Select(r => new { DecidedAt = r.DecidedAt!.Value, r.FeeCents, Voided = r.FeeVoidedAt != null })
            .ToListAsync(ct);

        var weeks = Enumerable.Range(0, WeekCount).Select(i =>
        {
            var start = firstWeek.AddDays(7 * i);
            var inWeek = approvals.Where(a => DateOnly.FromDateTime(a.DecidedAt) >= start && DateOnly.FromDateTime(a.DecidedAt) < start.AddDays(7)).ToList();
            return new WeekView(start, inWeek.Count, new Money(inWeek.Where(a => !a.Voided).Sum(a => a.FeeCents)));
        }).ToList();

        return new DashboardView(pendingCount, oldest is { } o ? now - o : null, weeks);
    }
}
