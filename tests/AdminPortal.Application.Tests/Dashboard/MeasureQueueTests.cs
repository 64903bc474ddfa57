using AdminPortal.Application.Dashboard;
using AdminPortal.Application.Releases;

namespace AdminPortal.Application.Tests.Dashboard;

public sealed class MeasureQueueTests
{
    [Fact]
    public async Task The_measure_counts_pending_requests_of_every_account_the_oldest_ones_age_and_the_last_minutes_decisions_and_returns()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        Assert.Equal(new QueueMeasure(0, TimeSpan.Zero, 0, 0), await db.Get<MeasureQueue>().HandleAsync(Ct));

        await portal.RequestAsync(await portal.NumberAsync());
        db.Clock.Advance(TimeSpan.FromHours(2));
        await portal.RequestAsync(await portal.NumberAsync(accountId: Cast.OtherAccountId), portal.Stranger);
        var decided = await portal.RequestAsync(await portal.NumberAsync());
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await portal.ReleasedNumberAsync();
        db.Clock.Advance(TimeSpan.FromSeconds(30));
        await portal.ApproveAsync(decided.Id);

        Assert.Equal(new QueueMeasure(2, TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5.5), 2, 0), await db.Get<MeasureQueue>().HandleAsync(Ct));

        db.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(2, await db.Get<ReturnExpiredReleases>().HandleAsync(Ct));
        var later = await db.Get<MeasureQueue>().HandleAsync(Ct);
        Assert.Equal((0, 2), (later.DecisionsLastMinute, later.ReturnsLastMinute));
    }
}
