using AdminPortal.Application.Dashboard;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Tests.Dashboard;

public sealed class GetDashboardTests
{
    [Fact]
    public async Task The_dashboard_counts_pending_requests_and_the_age_of_the_oldest()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.RequestAsync(await portal.NumberAsync());
        db.Clock.Advance(TimeSpan.FromHours(5));
        await portal.RequestAsync(await portal.NumberAsync());
        db.Clock.Advance(TimeSpan.FromHours(1));

        var view = (await db.Get<GetDashboard>().HandleAsync(portal.Reviewer, Ct)).Succeeded();

        Assert.Equal((2, TimeSpan.FromHours(6)), (view.PendingCount, view.OldestPendingAge));
    }

    [Fact]
    public async Task With_nothing_pending_there_is_no_oldest_age()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        var view = (await db.Get<GetDashboard>().HandleAsync(portal.Owner, Ct)).Succeeded();

        Assert.Equal((0, (TimeSpan?)null), (view.PendingCount, view.OldestPendingAge));
    }

    [Fact]
    public async Task Releases_and_fees_are_counted_per_week_from_Monday_without_voided_fees()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var recent = db.Now.AddMonths(-1);
        await portal.ReleasedNumberAsync(purchasedAt: recent);
        var (cancelled, _, _) = await portal.ReleasedNumberAsync(purchasedAt: recent);
        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(cancelled.Id), Ct)).Succeeded();
        db.Clock.Advance(TimeSpan.FromDays(8));
        await portal.ReleasedNumberAsync(purchasedAt: recent);

        var weeks = (await db.Get<GetDashboard>().HandleAsync(portal.Owner, Ct)).Succeeded().Weeks;

        Assert.Equal(GetDashboard.WeekCount, weeks.Count);
        var thisMonday = DateOnly.FromDateTime(db.Now).AddDays(-(((int)db.Now.DayOfWeek + 6) % 7));
        Assert.Equal(thisMonday, weeks[^1].WeekStart);
        Assert.Equal(DayOfWeek.Monday, weeks[0].WeekStart.DayOfWeek);
        Assert.Equal((1, new Money(2500)), (weeks[^1].Releases, weeks[^1].FeesCharged));
        Assert.Equal((2, new Money(2500)), (weeks[^2].Releases, weeks[^2].FeesCharged));
        Assert.All(weeks.SkipLast(2), w => Assert.Equal((0, Money.Zero), (w.Releases, w.FeesCharged)));
    }

    [Fact]
    public async Task An_owner_sees_only_its_own_accounts_on_the_dashboard()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.RequestAsync(await portal.NumberAsync(accountId: Cast.OtherAccountId), by: portal.Stranger);
        await portal.ReleasedNumberAsync(accountId: Cast.OtherAccountId);
        await portal.RequestAsync(await portal.NumberAsync());

        var mine = (await db.Get<GetDashboard>().HandleAsync(portal.Owner, Ct)).Succeeded();
        var staff = (await db.Get<GetDashboard>().HandleAsync(portal.Reviewer, Ct)).Succeeded();

        Assert.Equal(1, mine.PendingCount);
        Assert.Equal(0, mine.Weeks.Sum(w => w.Releases));
        Assert.Equal(2, staff.PendingCount);
        Assert.Equal(1, staff.Weeks.Sum(w => w.Releases));
    }
}
