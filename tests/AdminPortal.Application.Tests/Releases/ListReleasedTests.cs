using AdminPortal.Application.Releases;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Tests.Releases;

public sealed class ListReleasedTests
{
    [Fact]
    public async Task A_number_in_cooling_off_is_listed_with_release_time_available_after_fee_and_until_when_it_can_be_cancelled()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.NumberAsync();
        var (number, _, released) = await portal.ReleasedNumberAsync(purchasedAt: db.Now.AddMonths(-1));
        db.Clock.Advance(TimeSpan.FromDays(10));

        var page = (await db.Get<ListReleased>().HandleAsync(portal.Owner, Cast.AccountId, new Paging(), Ct)).Succeeded();

        var row = Assert.Single(page.Items);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal(
            new ReleasedNumberView(number.Id, Cast.AccountId, number.E164, number.Label, NumberStatus.Released, released.ReleasedAt!.Value, released.AvailableAfter!.Value,
                null, new Money(2500), Cast.TrunkGroup, Cast.InboundRouting, CancellableUntil: released.AvailableAfter!.Value),
            row);
    }

    [Fact]
    public async Task A_number_at_available_after_is_listed_but_can_no_longer_be_cancelled()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (_, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value - TestDatabase.Resolution);
        var listed = Assert.Single(await List(db, portal.Owner));
        Assert.Equal(released.AvailableAfter!.Value, listed.CancellableUntil);
        Assert.Equal(TestDatabase.Resolution, listed.CancelWindowLeft(db.Now));

        db.Clock.SetUtcNow(released.AvailableAfter!.Value);

        Assert.Null(Assert.Single(await List(db, portal.Owner)).CancellableUntil);
    }

    [Fact]
    public async Task A_returned_number_stays_listed_for_30_days_after_its_return_and_then_disappears()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value);
        await db.Get<ReturnExpiredReleases>().HandleAsync(Ct);
        var returnedAt = db.Now;

        db.Clock.SetUtcNow(returnedAt.AddDays(30));
        var row = Assert.Single(await List(db, portal.Owner));
        Assert.Equal((number.Id, NumberStatus.Returned, returnedAt, (DateTime?)null), (row.NumberId, row.Status, row.ReturnedAt, row.CancellableUntil));

        db.Clock.Advance(TestDatabase.Resolution);
        Assert.Empty(await List(db, portal.Owner));
    }

    [Fact]
    public async Task Active_pending_and_cancelled_numbers_are_not_listed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.NumberAsync();
        await portal.RequestAsync(await portal.NumberAsync());
        var (cancelled, _, _) = await portal.ReleasedNumberAsync();
        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(cancelled.Id), Ct)).Succeeded();

        Assert.Empty(await List(db, portal.Owner));
    }

    [Fact]
    public async Task The_newest_release_comes_first()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (older, _, _) = await portal.ReleasedNumberAsync();
        db.Clock.Advance(TimeSpan.FromHours(1));
        var (newer, _, _) = await portal.ReleasedNumberAsync();

        Assert.Equal([newer.Id, older.Id], (await List(db, portal.Owner)).Select(r => r.NumberId));
    }

    [Fact]
    public async Task An_owner_sees_only_its_own_accounts_releases_and_staff_see_all_or_one_account()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (mine, _, _) = await portal.ReleasedNumberAsync();
        var (theirs, _, _) = await portal.ReleasedNumberAsync(accountId: Cast.OtherAccountId);

        Assert.Equal([mine.Id], (await List(db, portal.Owner, accountId: null)).Select(r => r.NumberId));
        Assert.Equal([mine.Id, theirs.Id], (await List(db, portal.Reviewer, accountId: null)).Select(r => r.NumberId).Order());
        Assert.Equal([theirs.Id], (await List(db, portal.Reviewer, Cast.OtherAccountId)).Select(r => r.NumberId));
    }

    private static async Task<IReadOnlyList<ReleasedNumberView>> List(TestDatabase db, Actor actor, string? accountId = Cast.AccountId) =>
        (await db.Get<ListReleased>().HandleAsync(actor, accountId, new Paging(), Ct)).Succeeded().Items;
}
