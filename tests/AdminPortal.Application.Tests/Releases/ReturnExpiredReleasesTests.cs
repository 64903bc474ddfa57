using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Tests.Releases;

public sealed class ReturnExpiredReleasesTests
{
    [Fact]
    public async Task The_job_returns_each_number_whose_cooling_off_ended_once_and_audits_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (first, _, released) = await portal.ReleasedNumberAsync();
        var (second, _, _) = await portal.ReleasedNumberAsync(accountId: Cast.OtherAccountId);
        db.Clock.Advance(TimeSpan.FromDays(5));
        var (later, _, _) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value);

        var returned = await db.Get<ReturnExpiredReleases>().HandleAsync(Ct);

        Assert.Equal(2, returned);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var stored = await portal.LoadNumberAsync(id);
            Assert.Equal(NumberStatus.Returned, stored.Status);
            Assert.Equal(db.Now, stored.ReturnedAt);
        }

        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(later.Id)).Status);
        var events = (await portal.AuditAsync()).Where(e => e.Action == AuditAction.ReturnedToInventory).ToList();
        Assert.Equal([first.Id, second.Id], events.Select(e => e.PhoneNumberId).Order());
        Assert.All(events, e => Assert.Equal(Actor.System.UserId, e.ActorId));
    }

    [Fact]
    public async Task A_second_run_of_the_job_does_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (_, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value);
        Assert.Equal(1, await db.Get<ReturnExpiredReleases>().HandleAsync(Ct));
        var before = await StoredState.CaptureAsync(db);
        db.Clock.Advance(TimeSpan.FromMinutes(1));

        var returned = await db.Get<ReturnExpiredReleases>().HandleAsync(Ct);

        Assert.Equal(0, returned);
        Assert.Equal(before, await StoredState.CaptureAsync(db));
    }

    [Fact]
    public async Task The_job_leaves_a_number_alone_one_tick_before_its_cooling_off_ends()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value - TestDatabase.Resolution);
        var before = await StoredState.CaptureAsync(db);

        var returned = await db.Get<ReturnExpiredReleases>().HandleAsync(Ct);

        Assert.Equal(0, returned);
        Assert.Equal(before, await StoredState.CaptureAsync(db));
        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task The_job_ignores_active_pending_and_cancelled_numbers()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.NumberAsync();
        await portal.RequestAsync(await portal.NumberAsync());
        var (cancelled, _, _) = await portal.ReleasedNumberAsync();
        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(cancelled.Id), Ct)).Succeeded();
        db.Clock.Advance(TimeSpan.FromDays(365));
        var before = await StoredState.CaptureAsync(db);

        Assert.Equal(0, await db.Get<ReturnExpiredReleases>().HandleAsync(Ct));
        Assert.Equal(before, await StoredState.CaptureAsync(db));
    }

    [Fact]
    public async Task Returning_one_number_still_in_cooling_off_is_refused_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, released) = await portal.ReleasedNumberAsync();

        var error = await db.RefusesAsync(
            () => db.Get<ReturnExpiredReleases>().ReturnOneAsync(number.Id, released.AvailableAfter!.Value - TestDatabase.Resolution, Ct),
            Errors.NotReleasable);

        Assert.Contains("cooling-off", error.Message);
    }

    [Fact]
    public async Task The_job_follows_the_configured_cooling_off_period()
    {
        await using var db = await TestDatabase.CreateAsync(new Dictionary<string, string?> { ["Releases:CoolingOffDays"] = "7" });
        var portal = await Portal.CreateAsync(db);
        var (number, _, _) = await portal.ReleasedNumberAsync();
        db.Clock.Advance(TimeSpan.FromDays(7));

        Assert.Equal(1, await db.Get<ReturnExpiredReleases>().HandleAsync(Ct));
        Assert.Equal(NumberStatus.Returned, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task A_returned_number_cannot_be_requested_or_cancelled_any_more()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value);
        await db.Get<ReturnExpiredReleases>().HandleAsync(Ct);

        await db.RefusesAsync(() => db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct), Errors.NotReleasable);
        await db.RefusesAsync(() => db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct), Errors.CoolingOffExpired);
    }
}
