using AdminPortal.Application.Releases;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class SelfServicePolicyTests
{
    [Fact]
    public async Task An_owners_request_on_a_self_service_account_is_approved_at_once_with_two_audit_events()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db, ReleasePolicy.SelfService);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-1));

        var view = (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct)).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Approved, view.Status);
        var request = await portal.LoadRequestAsync(view.Id);
        Assert.Equal(ReleaseRequestStatus.Approved, request.Status);
        Assert.Equal(portal.Owner.UserId, request.DecidedById);
        Assert.Contains("self-service", request.DecisionNote);
        Assert.Equal(Cast.Reason, request.Reason);
        Assert.Equal(2500, request.FeeCents);
        var stored = await portal.LoadNumberAsync(number.Id);
        Assert.Equal(NumberStatus.Released, stored.Status);
        Assert.Equal(db.Now.AddDays(30), stored.AvailableAfter);
        Assert.Equal(Cast.TrunkGroup, stored.TrunkGroupBeforeRelease);
        var audit = await portal.AuditAsync();
        Assert.Equal([AuditAction.ReleaseRequested, AuditAction.ReleaseApproved], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal((portal.Owner.UserId, view.Id), (e.ActorId, e.ReleaseRequestId)));
    }

    [Fact]
    public async Task A_reviewers_request_on_a_self_service_account_still_waits_for_review()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db, ReleasePolicy.SelfService);
        var number = await portal.NumberAsync();

        var view = (await db.Get<RequestRelease>().HandleAsync(portal.Reviewer, NumberKey.ById(number.Id), Cast.Reason, Ct)).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Pending, (await portal.LoadRequestAsync(view.Id)).Status);
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
        Assert.Single(await portal.AuditAsync());
    }

    [Fact]
    public async Task A_self_service_release_still_needs_a_valid_reason()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db, ReleasePolicy.SelfService);
        var number = await portal.NumberAsync();

        await db.RefusesAsync(() => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "too short", Ct), Errors.ReasonLength);
    }

    [Fact]
    public async Task A_self_service_release_is_refused_while_agents_are_attached_and_nothing_is_stored()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db, ReleasePolicy.SelfService);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot"));

        await db.RefusesAsync(() => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct), Errors.NumberInUse);
    }

    [Fact]
    public async Task A_self_service_release_can_be_cancelled_by_the_owner_during_cooling_off()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db, ReleasePolicy.SelfService);
        var number = await portal.NumberAsync();
        var view = await portal.RequestAsync(number);
        db.Clock.Advance(TimeSpan.FromDays(29));

        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        var stored = await portal.LoadNumberAsync(number.Id);
        Assert.Equal((NumberStatus.Active, Cast.TrunkGroup, Cast.InboundRouting), (stored.Status, stored.TrunkGroup, stored.InboundRouting));
        Assert.Equal(db.Now, (await portal.LoadRequestAsync(view.Id)).FeeVoidedAt);
    }
}
