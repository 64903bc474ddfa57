using System.Text.Json;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class ApproveRequestTests
{
    public static TheoryData<string, string> ChangesAfterTheRequest => new()
    {
        { "an agent was attached", Errors.NumberInUse },
        { "calls started", Errors.CallsInProgress },
        { "the number joined an active campaign", Errors.ActiveCampaign },
    };

    [Fact]
    public async Task Approve_releases_the_number_starts_the_cooling_off_and_detaches_trunk_group_and_routing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);
        db.Clock.Advance(TimeSpan.FromHours(3));

        var outcome = (await db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, request.Id, Ct)).Succeeded();

        var stored = await portal.LoadNumberAsync(number.Id);
        Assert.Equal(NumberStatus.Released, stored.Status);
        Assert.Equal(db.Now, stored.ReleasedAt);
        Assert.Equal(db.Now.AddDays(30), stored.AvailableAfter);
        Assert.Null(stored.TrunkGroup);
        Assert.Null(stored.InboundRouting);
        Assert.Equal(Cast.TrunkGroup, stored.TrunkGroupBeforeRelease);
        Assert.Equal(Cast.InboundRouting, stored.InboundRoutingBeforeRelease);
        var decided = await portal.LoadRequestAsync(request.Id);
        Assert.Equal(ReleaseRequestStatus.Approved, decided.Status);
        Assert.Equal(portal.Reviewer.UserId, decided.DecidedById);
        Assert.Equal(db.Now, decided.DecidedAt);
        Assert.Equal(new ReleaseView(request.Id, number.Id, number.E164, NumberStatus.Released, db.Now, Money.Zero, 30, db.Now.AddDays(30)), outcome);
        var approved = Assert.Single(await portal.AuditAsync(), e => e.Action == AuditAction.ReleaseApproved);
        Assert.Equal(portal.Reviewer.UserId, approved.ActorId);
        Assert.Equal(request.Id, approved.ReleaseRequestId);
        Assert.Equal("release_pending", Status(approved.Before));
        Assert.Equal("released", Status(approved.After));
    }

    [Fact]
    public async Task Approve_charges_25_dollars_for_a_number_bought_3_calendar_months_minus_one_day_ago()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        var (number, requestId, outcome) = await portal.ReleasedNumberAsync(purchasedAt: db.Now.AddMonths(-3).AddDays(1));

        Assert.Equal("$25.00", outcome.EarlyTerminationFee.ToString());
        Assert.Equal(2500, (await portal.LoadRequestAsync(requestId)).FeeCents);
        Assert.Equal(2500, await db.FeeChargedAsync(number.Id));
    }

    [Fact]
    public async Task Approve_charges_nothing_for_a_number_bought_exactly_3_calendar_months_ago()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        var (number, requestId, outcome) = await portal.ReleasedNumberAsync(purchasedAt: db.Now.AddMonths(-3));

        Assert.Equal("$0.00", outcome.EarlyTerminationFee.ToString());
        Assert.Equal(0, (await portal.LoadRequestAsync(requestId)).FeeCents);
        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task The_fee_is_decided_by_the_release_date_so_a_request_approved_after_the_3_months_costs_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-3).AddDays(1));
        var request = await portal.RequestAsync(number);
        db.Clock.Advance(TimeSpan.FromDays(1));

        var outcome = await portal.ApproveAsync(request.Id);

        Assert.Equal(Money.Zero, outcome.EarlyTerminationFee);
        Assert.Equal(0, await db.FeeChargedAsync(number.Id));
    }

    [Fact]
    public async Task The_cooling_off_period_comes_from_the_Releases_CoolingOffDays_setting()
    {
        await using var db = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Releases:CoolingOffDays"] = "7" });
        var portal = await Portal.CreateAsync(db);

        var (number, _, outcome) = await portal.ReleasedNumberAsync();

        Assert.Equal(7, outcome.CoolingOffPeriodDays);
        Assert.Equal(db.Now.AddDays(7), outcome.AvailableAfter);
        Assert.Equal(db.Now.AddDays(7), (await portal.LoadNumberAsync(number.Id)).AvailableAfter);
    }

    [Theory]
    [MemberData(nameof(ChangesAfterTheRequest))]
    public async Task Approve_is_refused_when_a_blocker_appeared_after_the_request_and_nothing_is_stored(string change, string code)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);
        await portal.ChangeNumberAsync(number.Id, change switch
        {
            "an agent was attached" => n => n.AttachAgent(new AttachedAgent("agt_9", "Night Bot")),
            "calls started" => n => n.SetCallsInProgress(1),
            _ => n => n.SetActiveCampaign("Holiday promo"),
        });

        await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, request.Id, Ct), code);

        Assert.Equal(ReleaseRequestStatus.Pending, (await portal.LoadRequestAsync(request.Id)).Status);
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task Approve_fails_when_an_agent_was_attached_after_the_request_and_succeeds_once_it_is_detached()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);
        await portal.ChangeNumberAsync(number.Id, n => n.AttachAgent(new AttachedAgent("agt_9", "Night Bot")));
        await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, request.Id, Ct), Errors.NumberInUse);

        (await db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_9", Ct)).Succeeded();
        await portal.ApproveAsync(request.Id);

        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task A_reviewer_cannot_approve_a_request_it_made_itself_but_another_reviewer_can()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number, by: portal.Reviewer);

        var error = await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, request.Id, Ct), Errors.SelfApprovalForbidden);
        await portal.ApproveAsync(request.Id, by: portal.SecondReviewer);

        Assert.Contains("four eyes", error.Message);
        Assert.Equal(portal.SecondReviewer.UserId, (await portal.LoadRequestAsync(request.Id)).DecidedById);
    }

    [Fact]
    public async Task An_admin_may_approve_a_request()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);

        await portal.ApproveAsync(request.Id, by: portal.Admin);

        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task An_owner_cannot_approve_even_a_request_of_its_own_account_STAFF_ONLY()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var coOwner = await portal.CoOwnerAsync();
        var request = await portal.RequestAsync(await portal.NumberAsync());

        await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.Owner, request.Id, Ct), Errors.StaffOnly);
        await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(coOwner, request.Id, Ct), Errors.StaffOnly);
    }

    [Fact]
    public async Task Approving_a_rejected_request_gives_REQUEST_ALREADY_DECIDED_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var request = await portal.RequestAsync(await portal.NumberAsync());
        (await db.Get<RejectRequest>().HandleAsync(portal.Reviewer, request.Id, Cast.Note, Ct)).Succeeded();

        await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.SecondReviewer, request.Id, Ct), Errors.RequestAlreadyDecided);
    }

    [Fact]
    public async Task Approving_an_approved_request_again_gives_REQUEST_ALREADY_DECIDED_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (_, requestId, _) = await portal.ReleasedNumberAsync();

        await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.SecondReviewer, requestId, Ct), Errors.RequestAlreadyDecided);
    }

    [Fact]
    public async Task Approving_an_unknown_request_gives_REQUEST_NOT_FOUND()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        var error = await db.RefusesAsync(() => db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, "rr_missing", Ct), Errors.RequestNotFound);

        Assert.Contains("rr_missing", error.Message);
    }

    private static string Status(string snapshot) => JsonDocument.Parse(snapshot).RootElement.GetProperty("status").GetString()!;
}
