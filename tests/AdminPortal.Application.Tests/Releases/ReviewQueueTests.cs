using AdminPortal.Application.Releases;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class ReviewQueueTests
{
    [Fact]
    public async Task Staff_see_pending_requests_of_every_account_oldest_first_with_age_account_and_fee()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var oldest = await portal.RequestAsync(await portal.NumberAsync(accountId: Cast.OtherAccountId), by: portal.Stranger);
        db.Clock.Advance(TimeSpan.FromHours(2));
        var recent = await portal.RequestAsync(await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-1)));
        db.Clock.Advance(TimeSpan.FromHours(1));
        var decided = await portal.RequestAsync(await portal.NumberAsync());
        (await db.Get<RejectRequest>().HandleAsync(portal.Reviewer, decided.Id, Cast.Note, Ct)).Succeeded();

        var page = (await db.Get<ListReviewQueue>().HandleAsync(portal.Reviewer, new Paging(), Ct)).Succeeded();

        Assert.Equal([oldest.Id, recent.Id], page.Items.Select(i => i.Request.Id));
        Assert.Equal(2, page.TotalCount);
        var (first, second) = (page.Items[0], page.Items[1]);
        Assert.Equal(($"Account {Cast.OtherAccountId}", TimeSpan.FromHours(3), Money.Zero), (first.AccountName, first.Age, first.FeeIfApprovedNow));
        Assert.Equal(($"Account {Cast.AccountId}", TimeSpan.FromHours(1), new Money(2500)), (second.AccountName, second.Age, second.FeeIfApprovedNow));
    }

    [Fact]
    public async Task A_request_for_the_end_of_the_billing_cycle_shows_the_fee_charged_then_not_the_fee_of_a_release_today()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        // Bought 85 days ago, its cycle ends in 10 days: released today it is under three months old, then it is not.
        var today = await portal.RequestAsync(await portal.NumberAsync(purchasedAt: db.Now.AddDays(-85)));
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddDays(-85));
        var later = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, ReleaseTiming.EndOfBillingCycle, null, Ct)).Succeeded();

        var items = (await db.Get<ListReviewQueue>().HandleAsync(portal.Reviewer, new Paging(), Ct)).Succeeded().Items.ToDictionary(i => i.Request.Id);

        Assert.Equal(new Money(2500), items[today.Id].FeeIfApprovedNow);
        Assert.Equal(Money.Zero, items[later.Id].FeeIfApprovedNow);
        await portal.ApproveAsync(later.Id);
        db.Clock.SetUtcNow(number.NextBillingAt);
        Assert.Equal(1, await db.Get<ReleaseScheduled>().HandleAsync(Ct));
        Assert.Equal(0L, await db.FeeChargedAsync(number.Id));
    }

    [Fact]
    public async Task Each_item_shows_the_blockers_as_they_are_now_and_whether_the_reviewer_made_the_request()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var blocked = await portal.NumberAsync();
        await portal.RequestAsync(blocked);
        await portal.ChangeNumberAsync(blocked.Id, n => n.AttachAgent(new AttachedAgent("agt_9", "Night Bot")));
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await portal.RequestAsync(await portal.NumberAsync(), by: portal.Reviewer);

        var items = (await db.Get<ListReviewQueue>().HandleAsync(portal.Reviewer, new Paging(), Ct)).Succeeded().Items;

        Assert.Equal([Errors.NumberInUse], items[0].Blockers.Select(b => b.Code));
        Assert.False(items[0].IsOwnRequest);
        Assert.Empty(items[1].Blockers);
        Assert.True(items[1].IsOwnRequest);
    }

    [Fact]
    public async Task The_queue_is_paged()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await portal.RequestAsync(await portal.NumberAsync())).Id);
            db.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = (await db.Get<ListReviewQueue>().HandleAsync(portal.Admin, new Paging(Skip: 2, Take: 2), Ct)).Succeeded();

        Assert.Equal(ids.Skip(2).Take(2), page.Items.Select(i => i.Request.Id));
        Assert.Equal(5, page.TotalCount);
    }

    [Fact]
    public async Task An_owner_cannot_open_the_review_queue_STAFF_ONLY()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.RequestAsync(await portal.NumberAsync());

        (await db.Get<ListReviewQueue>().HandleAsync(portal.Owner, new Paging(), Ct)).Failed(Errors.StaffOnly);
    }
}
