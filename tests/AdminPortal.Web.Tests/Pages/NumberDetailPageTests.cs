using AdminPortal.Domain.Numbers;
using AdminPortal.Web.Components.Pages.Numbers;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Web.Tests.Pages;

public sealed class NumberDetailPageTests : PageTest
{
    private Scenario _scenario = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await Scenario.CreateAsync(Db);
    }

    [Fact]
    public async Task Shows_the_fee_the_blocker_with_its_fix_and_keeps_request_disabled_while_an_agent_is_attached()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, "+14155551234", purchasedDaysAgo: 20, shape: n => n.AttachAgent(new AttachedAgent("agt_bot", "Support Bot")));
        SignIn(_scenario.Owner);

        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForAssertion(() => Assert.Equal("$25.00", cut.Find("[data-testid=fee]").TextContent));
        var blocker = cut.Find("[data-testid=blocker]").TextContent;
        Assert.Contains("NUMBER_IN_USE", blocker);
        Assert.Contains("Detach the agent (Support Bot) and try again", blocker);
        Assert.Contains(cut.FindAll("[data-testid=warning]"), w => w.TextContent.Contains("purchased less than 3 months ago", StringComparison.Ordinal));
        Assert.True(cut.Find("[data-testid=request-release]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Sending_a_valid_reason_shows_the_number_awaiting_review_with_no_blocker_and_a_withdraw_button()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        SignIn(_scenario.Owner);
        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForElement("[data-testid=request-release]").Click();
        Assert.Contains("A reviewer decides the request", Dialog().TextContent);
        Overlays.Find("[data-testid=prompt-text]").Input("The office closed and the line is not used.");
        Overlays.Find("[data-testid=prompt-submit]").Click();

        cut.WaitForElement("[data-testid=awaiting-review]");
        Assert.Empty(cut.FindAll("[data-testid=blocker]"));
        Assert.Contains("Withdraw", cut.Find("[data-testid=release-card]").TextContent);
    }

    [Fact]
    public async Task A_pending_number_shows_what_would_stop_its_approval_but_not_the_pending_request_itself()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.RequestAsync(Db, _scenario.Owner, number);
        await using (var db = Db.NewContext())
        {
            (await db.PhoneNumbers.FindAsync([number.Id], Ct))!.AttachAgent(new AttachedAgent("agt_late", "Late Bot"));
            await db.SaveChangesAsync(Ct);
        }

        SignIn(_scenario.Owner);
        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForElement("[data-testid=awaiting-review]");
        var blocker = Assert.Single(cut.FindAll("[data-testid=blocker]"));
        Assert.Contains("NUMBER_IN_USE", blocker.TextContent);
    }

    [Fact]
    public async Task A_reviewer_on_a_pending_number_sees_who_asked_and_why_and_is_sent_to_the_queue_not_offered_withdraw()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.RequestAsync(Db, _scenario.Owner, number, "The office closed and the line is not used.");
        SignIn(_scenario.Reviewer);

        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        var awaiting = cut.WaitForElement("[data-testid=awaiting-review]").TextContent;
        Assert.Contains("owner@example.com asked for the release", awaiting);
        Assert.Contains("The office closed and the line is not used.", awaiting);
        Assert.NotNull(cut.Find("[data-testid=open-review-queue]"));
        Assert.DoesNotContain("Withdraw", cut.Find("[data-testid=release-card]").TextContent);
    }

    [Fact]
    public async Task Under_a_self_service_policy_the_dialog_says_the_release_happens_at_once()
    {
        var owner = await Db.Given().OwnerAsync(Cast.SelfServiceOwnerEmail);
        await Db.Given().AccountAsync(Cast.SelfServiceAccountId, owner, Domain.Accounts.ReleasePolicy.SelfService);
        var number = await Db.Given().NumberAsync(Cast.SelfServiceAccountId);
        SignIn(owner);
        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForElement("[data-testid=request-release]").Click();

        var dialog = Dialog().TextContent;
        Assert.Contains("released as soon as you confirm", dialog);
        Assert.Equal("Release now", Overlays.Find("[data-testid=prompt-submit]").TextContent.Trim());
    }

    [Fact]
    public async Task Under_a_self_service_policy_a_number_with_an_approved_A2P_registration_still_waits_for_reviewers_and_the_dialog_says_so()
    {
        var owner = await Db.Given().OwnerAsync(Cast.SelfServiceOwnerEmail);
        await Db.Given().AccountAsync(Cast.SelfServiceAccountId, owner, Domain.Accounts.ReleasePolicy.SelfService);
        var number = await Db.Given().NumberAsync(Cast.SelfServiceAccountId, provision: n => n.Provision(Cast.TrunkGroup, Cast.InboundRouting, A2pStatus.Approved));
        SignIn(owner);
        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForElement("[data-testid=request-release]").Click();

        Assert.Contains("A reviewer decides the request", Dialog().TextContent);
        Assert.Equal("Send request", Overlays.Find("[data-testid=prompt-submit]").TextContent.Trim());
    }

    [Fact]
    public async Task A_request_for_the_end_of_the_billing_cycle_shows_the_fee_and_date_of_that_release_while_it_waits()
    {
        // Bought 85 days ago, its cycle ends in 10 days: $25.00 released today, nothing at the cycle's end.
        var number = await Db.Given().NumberAsync(_scenario.AccountId, purchasedAt: Db.Now.AddDays(-85));
        await Scenario.RequestAsync(Db, _scenario.Owner, number, timing: Domain.Releases.ReleaseTiming.EndOfBillingCycle);
        SignIn(_scenario.Owner);

        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForAssertion(() => Assert.Equal("$0.00", cut.Find("[data-testid=fee]").TextContent));
        var card = cut.Find("[data-testid=release-card]").TextContent;
        Assert.Contains("at the end of the billing cycle", card);
        Assert.Contains(Components.Shared.Format.Time(number.NextBillingAt.AddDays(30)), card);
    }

    [Fact]
    public async Task Detach_asks_for_confirmation_then_detaches_the_agent_and_unblocks_the_request()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, shape: n => n.AttachAgent(new AttachedAgent("agt_bot", "Support Bot")));
        SignIn(_scenario.Owner);
        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForElement("[aria-label='Detach Support Bot']").Click();
        Confirm("Detach");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=blocker]")));
        Assert.False(cut.Find("[data-testid=request-release]").HasAttribute("disabled"));
        var agents = await InDbAsync(db => db.PhoneNumbers.Where(n => n.Id == number.Id).SelectMany(n => n.Agents).CountAsync());
        Assert.Equal(0, agents);
    }

    [Fact]
    public async Task An_owner_of_another_account_sees_not_found_and_nothing_of_the_number()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId, "+14155551234");
        SignIn(_scenario.Stranger);

        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForAssertion(() => Assert.Contains("Number not found", cut.Markup));
        Assert.DoesNotContain("+14155551234", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=fee]"));
    }

    [Fact]
    public async Task A_released_number_offers_cancel_and_cancelling_restores_trunk_group_and_routing()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, number);
        SignIn(_scenario.Owner);
        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));

        cut.WaitForElement("[data-testid=cancel-release]").Click();
        Assert.Contains(Cast.TrunkGroup, Overlays.WaitForElement("[role=dialog] [data-testid=confirm-message]").TextContent);
        Confirm("Cancel release");

        cut.WaitForAssertion(() => Assert.Equal(Cast.TrunkGroup, cut.Find("[data-testid=trunk-group]").TextContent));
        var stored = await InDbAsync(db => db.PhoneNumbers.SingleAsync(n => n.Id == number.Id));
        Assert.Equal(NumberStatus.Active, stored.Status);
        Assert.Equal(Cast.InboundRouting, stored.InboundRouting);
    }

    [Fact]
    public async Task The_countdown_of_a_released_number_moves_and_the_cancel_button_goes_when_cooling_off_ends()
    {
        var number = await Db.Given().NumberAsync(_scenario.AccountId);
        await Scenario.ReleaseAsync(Db, _scenario.Owner, _scenario.Reviewer, number);
        Db.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(2));
        SignIn(_scenario.Owner);
        var cut = Render<NumberDetailPage>(p => p.Add(x => x.Id, number.Id));
        cut.WaitForAssertion(() => Assert.Contains("2 min left to cancel", cut.Find("[data-testid=release-window]").TextContent));

        Db.Clock.Advance(TimeSpan.FromSeconds(60));
        cut.WaitForAssertion(() => Assert.Contains("1 min left to cancel", cut.Find("[data-testid=release-window]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=cancel-release]"));

        Db.Clock.Advance(TimeSpan.FromSeconds(90));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=cancel-release]")));
    }
}
