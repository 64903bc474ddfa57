using AdminPortal.Application.Releases;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

/// <summary>Risky numbers need two different reviewers; a release can wait for the end of the billing cycle.</summary>
public sealed class SecondApprovalAndScheduleTests
{
    [Fact]
    public async Task A_number_with_an_approved_A2P_registration_needs_two_different_reviewers()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(provision: n => n.Provision(Cast.TrunkGroup, Cast.InboundRouting, A2pStatus.Approved));
        var request = await portal.RequestAsync(number);
        Assert.Equal("an approved A2P 10DLC registration", request.SecondApprovalReasons);

        var first = await portal.ApproveAsync(request.Id);
        Assert.True(first.AwaitsSecondApproval);
        Assert.Equal((ReleaseRequestStatus.Pending, Cast.ReviewerEmail), ((await portal.LoadRequestAsync(request.Id)).Status, (await portal.LoadRequestAsync(request.Id)).FirstApprovedByName));
        Assert.Equal(AuditAction.ReleaseFirstApproved, (await portal.AuditAsync()).Last().Action);
        await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, request.Id, Ct), Errors.SecondApprovalRequired);

        var second = await portal.ApproveAsync(request.Id, portal.SecondReviewer);

        Assert.Equal(NumberStatus.Released, second.Status);
        Assert.Equal(AuditAction.ReleaseApproved, (await portal.AuditAsync()).Last().Action);
    }

    [Fact]
    public async Task The_first_of_two_approvals_shows_the_fee_the_release_will_cost()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddDays(-40), provision: n => n.Provision(Cast.TrunkGroup, Cast.InboundRouting, A2pStatus.Approved));
        var request = await portal.RequestAsync(number);

        var first = await portal.ApproveAsync(request.Id);
        var second = await portal.ApproveAsync(request.Id, portal.SecondReviewer);

        Assert.Equal((true, new Money(2_500)), (first.AwaitsSecondApproval, first.EarlyTerminationFee));
        Assert.Equal(new Money(2_500), second.EarlyTerminationFee);
    }

    [Fact]
    public async Task Busy_numbers_and_numbers_of_a_large_batch_name_why_they_need_a_second_reviewer()
    {
        await using var db = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Releases:SecondApprovalCallsLast30Days"] = "100", ["Releases:SecondApprovalBatchSize"] = "2" });
        var portal = await Portal.CreateAsync(db);
        var busy = await portal.NumberAsync(provision: n => n.Provision(Cast.TrunkGroup, Cast.InboundRouting, callsLast30Days: 150));
        var quiet = await portal.NumberAsync();

        Assert.Equal("150 calls in the last 30 days (more than 100)", (await portal.RequestAsync(busy)).SecondApprovalReasons);
        Assert.Null((await portal.RequestAsync(quiet)).SecondApprovalReasons);
        var batch = (await db.Get<RequestBulkRelease>().HandleAsync(
            portal.Owner, Cast.AccountId, [.. (await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => portal.NumberAsync()))).Select(n => n.E164)], Cast.Reason, ReleaseTiming.Now, null, Ct)).Succeeded();
        foreach (var result in batch.Results)
        {
            Assert.Equal("part of a batch of 3 numbers (more than 2)", (await portal.LoadRequestAsync(result.RequestId!)).SecondApprovalReasons);
        }
    }

    [Fact]
    public async Task Under_self_service_a_risky_number_waits_for_reviewers_instead_of_being_released_at_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db, ReleasePolicy.SelfService);
        var plain = await portal.NumberAsync();
        var risky = await portal.NumberAsync(provision: n => n.Provision(Cast.TrunkGroup, Cast.InboundRouting, A2pStatus.Approved));

        Assert.Equal(ReleaseRequestStatus.Approved, (await portal.RequestAsync(plain)).Status);
        Assert.Equal(ReleaseRequestStatus.Pending, (await portal.RequestAsync(risky)).Status);
    }

    [Fact]
    public async Task A_release_timed_to_the_end_of_the_billing_cycle_keeps_the_number_until_then_and_happens_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-3).AddDays(5));
        var request = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, ReleaseTiming.EndOfBillingCycle, null, Ct)).Succeeded();

        var approved = await portal.ApproveAsync(request.Id);

        Assert.Equal((ReleaseRequestStatus.Scheduled, number.NextBillingAt), (approved.RequestStatus, approved.ScheduledFor));
        // Bought less than 3 months ago today, more than 3 months before the cycle ends: the release will cost nothing.
        Assert.Equal(Money.Zero, approved.EarlyTerminationFee);
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(0, await db.Get<ReleaseScheduled>().HandleAsync(Ct));
        db.Clock.SetUtcNow(number.NextBillingAt);
        Assert.Equal(1, await db.Get<ReleaseScheduled>().HandleAsync(Ct));
        Assert.Equal(0, await db.Get<ReleaseScheduled>().HandleAsync(Ct));

        var released = await portal.LoadNumberAsync(number.Id);
        Assert.Equal((NumberStatus.Released, number.NextBillingAt, number.NextBillingAt.AddDays(30)), (released.Status, released.ReleasedAt, released.AvailableAfter));
        Assert.Equal(0L, await db.FeeChargedAsync(number.Id));
        Assert.Single(await portal.AuditAsync(), e => e.Action == AuditAction.ReleasedOnSchedule);
    }

    [Fact]
    public async Task A_scheduled_release_run_late_still_gives_the_owner_the_whole_cooling_off_period()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, ReleaseTiming.EndOfBillingCycle, null, Ct)).Succeeded();
        await portal.ApproveAsync(request.Id);

        // The portal was down for the three days around the end of the cycle.
        db.Clock.SetUtcNow(number.NextBillingAt.AddDays(3));
        Assert.Equal(1, await db.Get<ReleaseScheduled>().HandleAsync(Ct));

        var released = await portal.LoadNumberAsync(number.Id);
        Assert.Equal((db.Now, db.Now.AddDays(30)), (released.ReleasedAt, released.AvailableAfter));
    }

    [Fact]
    public async Task A_release_scheduled_for_the_end_of_the_cycle_can_be_withdrawn_until_then()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, ReleaseTiming.EndOfBillingCycle, null, Ct)).Succeeded();
        await portal.ApproveAsync(request.Id);

        (await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, request.Id, Ct)).Succeeded();
        db.Clock.SetUtcNow(number.NextBillingAt);
        await db.Get<ReleaseScheduled>().HandleAsync(Ct);

        Assert.Equal(NumberStatus.Active, (await portal.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(ReleaseRequestStatus.Withdrawn, (await portal.LoadRequestAsync(request.Id)).Status);
    }

    [Fact]
    public async Task The_preview_tells_the_fee_now_and_at_the_end_of_the_billing_cycle()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-3).AddDays(5));

        var preview = (await db.Get<PreviewRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal((2500L, 0L), (preview.EarlyTerminationFee.Cents, preview.FeeAtCycleEnd.Cents));
        Assert.Equal(number.NextBillingAt.AddDays(30), preview.AvailableAfterAtCycleEnd);
    }
}
