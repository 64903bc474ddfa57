using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

public sealed class CancelReleaseTests
{
    private const string TrunkGroup = "tg-berlin-02";
    private const string Routing = "sip:+4930123456@pbx.berlin.example";

    private static readonly Func<PhoneNumber, PhoneNumber> Routed = n => n.Provision(TrunkGroup, Routing, A2pStatus.Testing);

    [Fact]
    public async Task Cancel_one_tick_before_available_after_restores_trunk_group_and_routing_exactly_and_voids_the_fee()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, requestId, released) = await portal.ReleasedNumberAsync(provision: Routed, purchasedAt: db.Now.AddMonths(-1));
        Assert.Equal(2500, released.EarlyTerminationFee.Cents);
        db.Clock.SetUtcNow(released.AvailableAfter!.Value - TestDatabase.Resolution);

        var outcome = (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal(new CancellationView(number.Id, number.E164, NumberStatus.Active, db.Now, TrunkGroup, Routing, "Number release cancelled successfully"), outcome);
        var stored = await portal.LoadNumberAsync(number.Id);
        Assert.Equal(NumberStatus.Active, stored.Status);
        Assert.Equal(TrunkGroup, stored.TrunkGroup);
        Assert.Equal(Routing, stored.InboundRouting);
        Assert.Null(stored.TrunkGroupBeforeRelease);
        Assert.Null(stored.InboundRoutingBeforeRelease);
        Assert.Null(stored.ReleasedAt);
        Assert.Null(stored.AvailableAfter);
        Assert.Equal(0, await db.FeeChargedAsync(number.Id));
        var request = await portal.LoadRequestAsync(requestId);
        Assert.Equal(ReleaseRequestStatus.Approved, request.Status);
        Assert.Equal(db.Now, request.FeeVoidedAt);
        var cancelled = Assert.Single(await portal.AuditAsync(), e => e.Action == AuditAction.ReleaseCancelled);
        Assert.Equal(portal.Owner.UserId, cancelled.ActorId);
        Assert.Equal(requestId, cancelled.ReleaseRequestId);
    }

    [Fact]
    public async Task Cancel_at_available_after_gives_COOLING_OFF_EXPIRED_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, requestId, released) = await portal.ReleasedNumberAsync(provision: Routed);
        db.Clock.SetUtcNow(released.AvailableAfter!.Value);

        var error = await db.RefusesAsync(() => db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct), Errors.CoolingOffExpired);

        Assert.Contains("can no longer be cancelled", error.Message);
        Assert.Null((await portal.LoadRequestAsync(requestId)).FeeVoidedAt);
    }

    [Fact]
    public async Task Cancel_after_the_number_returned_to_inventory_gives_COOLING_OFF_EXPIRED()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value);
        Assert.Equal(1, await db.Get<ReturnExpiredReleases>().HandleAsync(Ct));

        await db.RefusesAsync(() => db.Get<CancelRelease>().HandleAsync(portal.Reviewer, NumberKey.ById(number.Id), Ct), Errors.CoolingOffExpired);
    }

    [Fact]
    public async Task The_cancel_window_follows_the_configured_cooling_off_period()
    {
        await using var db = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Releases:CoolingOffDays"] = "7" });
        var portal = await Portal.CreateAsync(db);
        var (first, _, _) = await portal.ReleasedNumberAsync();
        var (second, _, _) = await portal.ReleasedNumberAsync();
        db.Clock.Advance(TimeSpan.FromDays(7) - TestDatabase.Resolution);

        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(first.Id), Ct)).Succeeded();
        db.Clock.Advance(TestDatabase.Resolution);
        await db.RefusesAsync(() => db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(second.Id), Ct), Errors.CoolingOffExpired);
    }

    [Fact]
    public async Task A_reviewer_can_cancel_the_release_of_any_account()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, _) = await portal.ReleasedNumberAsync(accountId: Cast.OtherAccountId);

        (await db.Get<CancelRelease>().HandleAsync(portal.SecondReviewer, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal(NumberStatus.Active, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task Cancelling_a_number_that_was_never_released_gives_NOT_RELEASABLE()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var active = await portal.NumberAsync();
        var pending = await portal.NumberAsync();
        await portal.RequestAsync(pending);

        await db.RefusesAsync(() => db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(active.Id), Ct), Errors.NotReleasable);
        await db.RefusesAsync(() => db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(pending.Id), Ct), Errors.NotReleasable);
    }

    [Fact]
    public async Task Cancelling_twice_succeeds_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, _) = await portal.ReleasedNumberAsync();
        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        await db.RefusesAsync(() => db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct), Errors.NotReleasable);

        Assert.Single(await portal.AuditAsync(), e => e.Action == AuditAction.ReleaseCancelled);
    }

    [Fact]
    public async Task A_number_whose_release_was_cancelled_can_be_released_again_and_only_the_new_fee_counts()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, firstRequestId, _) = await portal.ReleasedNumberAsync(provision: Routed, purchasedAt: db.Now.AddMonths(-1));
        db.Clock.Advance(TimeSpan.FromDays(1));
        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();
        db.Clock.Advance(TimeSpan.FromDays(1));

        var second = await portal.RequestAsync(number);
        await portal.ApproveAsync(second.Id);

        var stored = await portal.LoadNumberAsync(number.Id);
        Assert.Equal(NumberStatus.Released, stored.Status);
        Assert.Equal(TrunkGroup, stored.TrunkGroupBeforeRelease);
        Assert.Equal(db.Now.AddDays(30), stored.AvailableAfter);
        Assert.NotNull((await portal.LoadRequestAsync(firstRequestId)).FeeVoidedAt);
        Assert.Null((await portal.LoadRequestAsync(second.Id)).FeeVoidedAt);
    }
}
