using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Web.Components.Pages.Review;
using AdminPortal.Application.Releases;
using AdminPortal.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Web.Tests.Pages;

public sealed class ReviewQueuePageTests : PageTest
{
    private Scenario _scenario = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await Scenario.CreateAsync(Db);
    }

    [Fact]
    public async Task Lists_pending_requests_oldest_first_with_account_fee_reason_and_current_blockers()
    {
        var older = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001", purchasedDaysAgo: 10);
        var newer = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550002");
        await Scenario.RequestAsync(Db, _scenario.Owner, older, "Older request for the first number.");
        Db.Clock.Advance(TimeSpan.FromHours(2));
        await Scenario.RequestAsync(Db, _scenario.Owner, newer, "Newer request for the second number.");
        SignIn(_scenario.Reviewer);

        var cut = Render<ReviewQueuePage>();

        var rows = cut.WaitForElements("[data-testid=review-grid] tbody tr", 2);
        Assert.Contains("+14155550001", rows[0].TextContent);
        Assert.Contains("$25.00", rows[0].TextContent);
        Assert.Contains("Older request for the first number.", rows[0].TextContent);
        Assert.Contains("2 h 0 min", rows[0].TextContent);
        Assert.Contains("+14155550002", rows[1].TextContent);
        Assert.Contains("$0.00", rows[1].TextContent);
    }

    [Fact]
    public async Task A_blocker_in_the_queue_shows_its_fix_as_text_not_only_in_a_tooltip()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.RequestAsync(Db, _scenario.Owner, number);
        await using (var db = Db.NewContext())
        {
            (await db.PhoneNumbers.SingleAsync(n => n.Id == number.Id, Ct)).AttachAgent(new AttachedAgent("agt_night", "Night Bot"));
            await db.SaveChangesAsync(Ct);
        }

        SignIn(_scenario.Reviewer);
        var cut = Render<ReviewQueuePage>();

        var blocker = cut.WaitForElement("[data-testid=review-grid] .blocker");
        Assert.Contains("NUMBER_IN_USE", blocker.TextContent);
        Assert.Contains("Detach the agent (Night Bot)", blocker.TextContent);
    }

    [Fact]
    public async Task A_reviewers_own_request_says_why_it_cannot_be_approved_and_has_no_approve_button()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.RequestAsync(Db, _scenario.Reviewer, number);
        SignIn(_scenario.Reviewer);

        var cut = Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("another reviewer must approve it", cut.Find("[data-testid=own-request]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=approve]"));
    }

    [Fact]
    public async Task Approve_after_confirmation_releases_the_number_and_the_queue_updates_without_a_reload()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        var requestId = await Scenario.RequestAsync(Db, _scenario.Owner, number);
        SignIn(_scenario.Reviewer);
        var cut = Render<ReviewQueuePage>();

        cut.WaitForElement("[data-testid=approve]").Click();
        Confirm("Approve");

        cut.WaitForElement("[data-testid=queue-empty]");
        Assert.Equal(ReleaseRequestStatus.Approved, await InDbAsync(db => db.ReleaseRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(NumberStatus.Released, await InDbAsync(db => db.PhoneNumbers.Where(n => n.Id == number.Id).Select(n => n.Status).SingleAsync()));
        Overlays.WaitForAssertion(() => Assert.Contains("is released; available to others after", Overlays.Markup));
    }

    [Fact]
    public async Task Approving_a_request_for_the_end_of_the_billing_cycle_asks_about_that_release_not_one_today()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, purchasedAt: Db.Now.AddDays(-85));
        await Scenario.RequestAsync(Db, _scenario.Owner, number, timing: Domain.Releases.ReleaseTiming.EndOfBillingCycle);
        SignIn(_scenario.Reviewer);
        var cut = Render<ReviewQueuePage>();

        cut.WaitForElement("[data-testid=approve]").Click();

        var question = Dialog().TextContent;
        Assert.Contains($"at the end of its billing cycle, {Domain.Common.Timestamps.Utc(number.NextBillingAt)}", question);
        Assert.Contains("keeps working until then", question);
        Assert.Contains("no early termination fee is due", question);
    }

    [Fact]
    public async Task With_only_a_batch_waiting_the_queue_does_not_say_every_request_was_decided()
    {
        var numbers = new[] { await Db.Given().NumberAsync(_scenario.AccountId), await Db.Given().NumberAsync(_scenario.AccountId) };
        (await Db.Get<Application.Releases.RequestBulkRelease>().HandleAsync(
            _scenario.Owner, _scenario.AccountId, [.. numbers.Select(n => n.E164)], Cast.Reason, Domain.Releases.ReleaseTiming.Now, null, Ct)).Succeeded();
        SignIn(_scenario.Reviewer);
        var cut = Render<ReviewQueuePage>();

        cut.WaitForElement("[data-testid=review-batches]");
        var empty = cut.WaitForElement("[data-testid=queue-empty]").TextContent;
        Assert.DoesNotContain("every release request has been decided", empty);
        Assert.Contains("batches above", empty);
    }

    [Fact]
    public async Task A_request_decided_elsewhere_leaves_the_queue_as_soon_as_the_change_feed_sees_it()
    {
        var decided = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550001");
        var waiting = await Db.Given().NumberAsync(_scenario.AccountId, "+14155550002");
        var decidedId = await Scenario.RequestAsync(Db, _scenario.Owner, decided);
        await Scenario.RequestAsync(Db, _scenario.Owner, waiting);
        SignIn(_scenario.Reviewer);
        var feed = Services.GetRequiredService<ChangeFeed>();
        await feed.CheckAsync(Ct);
        var cut = Render<ReviewQueuePage>();
        cut.WaitForElements("[data-testid=review-grid] tbody tr", 2);

        // Another reviewer, on this instance or another one, approves the first request.
        var otherReviewer = await Db.Given().ReviewerAsync(Cast.SecondReviewerEmail);
        (await Db.Get<ApproveRequest>().HandleAsync(otherReviewer, decidedId, Ct)).Succeeded();
        Assert.True(await feed.CheckAsync(Ct));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=review-grid] tbody tr")));
        Assert.Contains("+14155550002", cut.Find("[data-testid=review-grid] tbody tr").TextContent);
        Assert.False(await feed.CheckAsync(Ct));
    }

    [Fact]
    public async Task Reject_asks_for_a_note_and_stores_the_rejection_with_it()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        var requestId = await Scenario.RequestAsync(Db, _scenario.Owner, number);
        SignIn(_scenario.Reviewer);
        var cut = Render<ReviewQueuePage>();

        cut.WaitForElement("[data-testid=reject]").Click();
        Overlays.WaitForElement("[data-testid=prompt-text]").Input("Still printed on the brochures.");
        Overlays.Find("[data-testid=prompt-submit]").Click();

        cut.WaitForElement("[data-testid=queue-empty]");
        var stored = await InDbAsync(db => db.ReleaseRequests.SingleAsync(r => r.Id == requestId));
        Assert.Equal(ReleaseRequestStatus.Rejected, stored.Status);
        Assert.Equal("Still printed on the brochures.", stored.DecisionNote);
    }

    [Fact]
    public async Task Another_reviewer_s_decision_leaves_the_queue_at_the_next_refresh_without_a_reload()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        var requestId = await Scenario.RequestAsync(Db, _scenario.Owner, number);
        var colleague = await Db.Given().ReviewerAsync(Cast.SecondReviewerEmail);
        SignIn(_scenario.Reviewer);
        var cut = Render<ReviewQueuePage>();
        cut.WaitForElement("[data-testid=approve]");

        (await Db.Get<Application.Releases.ApproveRequest>().HandleAsync(colleague, requestId, Ct)).Succeeded();
        Assert.Single(cut.FindAll("[data-testid=approve]"));
        Db.Clock.Advance(TimeSpan.FromSeconds(30));

        cut.WaitForElement("[data-testid=queue-empty]");
    }

    [Fact]
    public async Task A_reject_refused_because_someone_else_decided_shows_why_and_the_stale_row_goes_when_the_dialog_closes()
    {
        var (cut, number) = await ClickedWhileAColleagueApprovesAsync("reject");

        Overlays.WaitForElement("[data-testid=prompt-text]").Input("Still printed on the brochures.");
        Overlays.Find("[data-testid=prompt-submit]").Click();
        Overlays.WaitForAssertion(() => Assert.Contains($"for {number.E164} was already approved by {Cast.SecondReviewerEmail}", Overlays.Markup));
        Overlays.Find("[data-testid=prompt-cancel]").Click();

        cut.WaitForElement("[data-testid=queue-empty]");
    }

    [Fact]
    public async Task An_approval_that_comes_second_is_told_as_a_warning_that_nothing_more_is_needed()
    {
        await ClickedWhileAColleagueApprovesAsync("approve");

        Confirm("Approve");

        var told = Overlays.WaitForElement(".mud-snackbar");
        Assert.Contains("mud-alert-filled-warning", told.ClassName);
        Assert.Contains($"already approved by {Cast.SecondReviewerEmail}", told.TextContent);
        Assert.Contains("No further decision is needed", told.TextContent);
        Assert.DoesNotContain("Reload", told.TextContent);
    }

    /// <summary>The queue shows a request; the reviewer clicks one of its buttons while a colleague approves it.</summary>
    private async Task<(IRenderedComponent<ReviewQueuePage> Queue, PhoneNumber Number)> ClickedWhileAColleagueApprovesAsync(string button)
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        var requestId = await Scenario.RequestAsync(Db, _scenario.Owner, number);
        var colleague = await Db.Given().ReviewerAsync(Cast.SecondReviewerEmail);
        SignIn(_scenario.Reviewer);
        var cut = Render<ReviewQueuePage>();
        cut.WaitForElement($"[data-testid={button}]").Click();
        (await Db.Get<ApproveRequest>().HandleAsync(colleague, requestId, Ct)).Succeeded();
        return (cut, number);
    }

    [Fact]
    public async Task An_owner_gets_the_staff_only_refusal_and_no_approve_button()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.RequestAsync(Db, _scenario.Owner, number);
        SignIn(_scenario.Owner);

        var cut = Render<ReviewQueuePage>();

        Overlays.WaitForAssertion(() => Assert.Contains("Only support staff", Overlays.Markup));
        Assert.Empty(cut.FindAll("[data-testid=approve]"));
        Assert.DoesNotContain(number.E164, cut.Markup);
    }
}
