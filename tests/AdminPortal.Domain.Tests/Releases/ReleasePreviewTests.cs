using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Releases;

public sealed class ReleasePreviewTests
{
    public enum Blocker
    {
        Agents,
        Calls,
        Campaign,
        Pending,
    }

    public static TheoryData<Blocker, string, string, string> EachBlocker => new()
    {
        { Blocker.Agents, Errors.NumberInUse, "assigned to 2 active agents", "Detach the agents (Support Bot, Sales Line)" },
        { Blocker.Calls, Errors.CallsInProgress, "3 calls are in progress", "Wait until the calls have ended" },
        { Blocker.Campaign, Errors.ActiveCampaign, "active campaign 'Spring sale'", "Remove the number from 'Spring sale'" },
        { Blocker.Pending, Errors.ReleaseAlreadyPending, "already pending", "withdraw the pending request" },
    };

    [Fact]
    public void A_free_number_bought_long_ago_can_be_released_at_no_cost()
    {
        var number = A.Number(purchasedAt: A.Now.AddYears(-2));

        var preview = ReleasePreview.Of(number, A.Terms, A.Now);

        Assert.True(preview.CanRelease);
        Assert.Empty(preview.Blockers);
        Assert.Equal(Money.Zero, preview.EarlyTerminationFee);
        Assert.DoesNotContain(preview.Warnings, w => w.Contains("early termination fee"));
        Assert.Equal(number.Id, preview.NumberId);
        Assert.Equal("+14155551234", preview.E164);
    }

    [Theory]
    [MemberData(nameof(EachBlocker))]
    public void Each_blocker_stops_the_release_with_its_code_message_and_fix(Blocker blocker, string code, string message, string fix)
    {
        var number = blocker switch
        {
            Blocker.Agents => A.Number(agents: [new AttachedAgent("agt_1", "Support Bot"), new AttachedAgent("agt_2", "Sales Line")]),
            Blocker.Calls => A.Number(calls: 3),
            Blocker.Campaign => A.Number(campaign: "Spring sale"),
            _ => A.NumberIn(NumberStatus.ReleasePending),
        };

        var preview = ReleasePreview.Of(number, A.Terms, A.Now);

        Assert.False(preview.CanRelease);
        var only = Assert.Single(preview.Blockers);
        Assert.Equal(code, only.Code);
        Assert.Contains(message, only.Message);
        Assert.Contains(fix, only.Fix);
    }

    [Fact]
    public void A_single_attached_agent_is_named_in_the_singular()
    {
        var preview = ReleasePreview.Of(A.Number(agents: new AttachedAgent("agt_1", "Support Bot")), A.Terms, A.Now);

        var blocker = Assert.Single(preview.Blockers);
        Assert.Equal("Phone number is assigned to 1 active agent and cannot be released", blocker.Message);
        Assert.Equal("Detach the agent (Support Bot) and try again", blocker.Fix);
    }

    [Fact]
    public void Every_blocker_is_listed_in_the_order_a_person_should_fix_them()
    {
        var number = A.Number(campaign: "Spring sale", calls: 1, agents: new AttachedAgent("agt_1", "Support Bot"));

        var preview = ReleasePreview.Of(number, A.Terms, A.Now);

        Assert.Equal([Errors.NumberInUse, Errors.CallsInProgress, Errors.ActiveCampaign], preview.Blockers.Select(b => b.Code));
    }

    [Theory]
    [InlineData(NumberStatus.Released)]
    [InlineData(NumberStatus.Returned)]
    public void A_number_already_released_previews_only_why_it_cannot_be_released_again(NumberStatus status)
    {
        var number = A.NumberIn(status);

        var preview = ReleasePreview.Of(number, A.Terms, A.Now.AddDays(45));

        Assert.False(preview.CanRelease);
        Assert.Equal(Errors.NotReleasable, Assert.Single(preview.Blockers).Code);
        Assert.Empty(preview.Warnings);
        Assert.Equal(Money.Zero, preview.EarlyTerminationFee);
        Assert.Equal(A.Now.AddDays(30), preview.AvailableAfter);
        Assert.Equal(A.Now.AddDays(10), preview.BillingEndsAt);
    }

    [Fact]
    public void A_recent_purchase_shows_the_fee_and_a_warning_in_words()
    {
        var number = A.Number(purchasedAt: A.Now.AddMonths(-3).AddDays(1));

        var preview = ReleasePreview.Of(number, A.Terms, A.Now);

        Assert.True(preview.CanRelease);
        Assert.Equal("$25.00", preview.EarlyTerminationFee.ToString());
        var warning = Assert.Single(preview.Warnings, w => w.Contains("purchased less than 3 months ago"));
        Assert.Contains("$25.00", warning);
        Assert.Contains("2026-08-24", warning);
    }

    [Fact]
    public void A_number_bought_exactly_3_months_ago_has_no_fee_and_no_fee_warning()
    {
        var preview = ReleasePreview.Of(A.Number(purchasedAt: A.Now.AddMonths(-3)), A.Terms, A.Now);

        Assert.Equal("$0.00", preview.EarlyTerminationFee.ToString());
        Assert.DoesNotContain(preview.Warnings, w => w.Contains("purchased less than"));
    }

    [Fact]
    public void The_warnings_name_the_trunk_group_and_routing_that_will_be_detached_and_the_A2P_registration_that_is_lost()
    {
        var preview = ReleasePreview.Of(A.Number(a2p: A2pStatus.Approved), A.Terms, A.Now);

        Assert.Contains(preview.Warnings, w => w.Contains($"trunk group '{A.TrunkGroup}'") && w.Contains($"inbound routing '{A.InboundRouting}'") && w.Contains("detached"));
        Assert.Contains(preview.Warnings, w => w.Contains("A2P 10DLC registration (approved) is lost"));
    }

    [Fact]
    public void A_number_without_trunk_group_routing_or_A2P_gets_no_such_warnings()
    {
        var preview = ReleasePreview.Of(A.Number(trunkGroup: null, inboundRouting: null, a2p: A2pStatus.None), A.Terms, A.Now);

        Assert.DoesNotContain(preview.Warnings, w => w.Contains("detached"));
        Assert.DoesNotContain(preview.Warnings, w => w.Contains("A2P"));
    }

    [Fact]
    public void Billing_ends_at_the_end_of_the_current_cycle_not_now()
    {
        var nextBilling = A.Now.AddDays(10);

        var preview = ReleasePreview.Of(A.Number(nextBillingAt: nextBilling), A.Terms, A.Now);

        Assert.Equal(nextBilling, preview.BillingEndsAt);
        Assert.Contains(preview.Warnings, w => w.Contains($"Billing stops at the end of the current billing cycle on {nextBilling:yyyy-MM-dd}, not at the moment of release"));
    }

    [Fact]
    public void A_stale_next_billing_date_is_rolled_forward_a_month_at_a_time()
    {
        var stale = A.Now.AddMonths(-2).AddDays(5);

        var preview = ReleasePreview.Of(A.Number(nextBillingAt: stale), A.Terms, A.Now);

        // 09-28 and 10-28 have passed; 11-28 is the first billing date after now.
        Assert.Equal(stale.AddMonths(2), preview.BillingEndsAt);
        Assert.True(stale.AddMonths(1) <= A.Now);
    }

    [Fact]
    public void A_number_billed_on_the_31st_keeps_its_billing_day_after_shorter_months()
    {
        var preview = ReleasePreview.Of(A.Number(nextBillingAt: new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc)), A.Terms, A.Now);

        Assert.Equal(new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc), preview.BillingEndsAt);
        Assert.Equal(
            new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc),
            ReleasePreview.BillingCycleEnd(new DateTime(2026, 1, 31, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_billing_date_equal_to_now_has_already_passed_so_billing_ends_a_month_later()
    {
        Assert.Equal(A.Now.AddMonths(1), ReleasePreview.BillingCycleEnd(A.Now, A.Now));
    }

    [Fact]
    public void The_number_would_be_available_after_the_cooling_off_period_from_now()
    {
        var preview = ReleasePreview.Of(A.Number(), A.Terms, A.Now);

        Assert.Equal(30, preview.CoolingOffPeriodDays);
        Assert.Equal(A.Now.AddDays(30), preview.AvailableAfter);
        Assert.Contains(preview.Warnings, w => w.Contains("30-day cooling-off period") && w.Contains("may not be re-purchasable"));
    }

    [Fact]
    public void The_preview_follows_configured_terms()
    {
        var terms = new ReleaseTerms(new Money(4000), EarlyTerminationMonths: 6, CoolingOffDays: 7);

        var preview = ReleasePreview.Of(A.Number(purchasedAt: A.Now.AddMonths(-5)), terms, A.Now);

        Assert.Equal("$40.00", preview.EarlyTerminationFee.ToString());
        Assert.Equal(7, preview.CoolingOffPeriodDays);
        Assert.Equal(A.Now.AddDays(7), preview.AvailableAfter);
        Assert.Contains(preview.Warnings, w => w.Contains("purchased less than 6 months ago") && w.Contains("$40.00"));
    }
}
