using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Tests.Concurrency;

/// <summary>An owner cancels a release in its last moment while the expiry job returns the number: exactly one wins.</summary>
public sealed class CancelVersusReturnRaceTests
{
    private const int Rounds = 12;

    [Fact]
    public async Task A_cancel_racing_the_return_job_at_the_edge_of_cooling_off_ends_with_exactly_one_outcome()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var numbers = new List<(PhoneNumber Number, string RequestId)>();
        for (var i = 0; i < Rounds; i++)
        {
            var (number, requestId, _) = await portal.ReleasedNumberAsync(purchasedAt: db.Now.AddMonths(-1));
            numbers.Add((number, requestId));
        }

        var availableAfter = (await portal.LoadNumberAsync(numbers[0].Number.Id)).AvailableAfter!.Value;
        db.Clock.SetUtcNow(availableAfter - TestDatabase.Resolution);

        foreach (var (number, requestId) in numbers)
        {
            var auditBefore = (await portal.AuditAsync()).Count;
            var cancel = db.Get<CancelRelease>();
            var job = db.Get<ReturnExpiredReleases>();

            var results = await Race.RunAsync<Result>(
            [
                async () => await cancel.HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct),
                async () => await job.ReturnOneAsync(number.Id, availableAfter, Ct),
            ]);

            var (cancelled, returned) = (results[0], results[1]);
            Assert.True(cancelled.IsSuccess ^ returned.IsSuccess, $"cancel: {cancelled.Error?.Code ?? "ok"}, return: {returned.Error?.Code ?? "ok"}");
            var stored = await portal.LoadNumberAsync(number.Id);
            var request = await portal.LoadRequestAsync(requestId);
            var added = (await portal.AuditAsync()).Skip(auditBefore).ToList();
            if (cancelled.IsSuccess)
            {
                Assert.Contains(returned.Error!.Code, new[] { Errors.ConcurrentUpdate, Errors.NotReleasable });
                Assert.Equal((NumberStatus.Active, Cast.TrunkGroup, Cast.InboundRouting, 0L, (DateTime?)null), (stored.Status, stored.TrunkGroup, stored.InboundRouting, await db.FeeChargedAsync(number.Id), stored.ReturnedAt));
                Assert.NotNull(request.FeeVoidedAt);
                Assert.Equal(AuditAction.ReleaseCancelled, Assert.Single(added).Action);
            }
            else
            {
                Assert.Contains(cancelled.Error!.Code, new[] { Errors.ConcurrentUpdate, Errors.CoolingOffExpired });
                Assert.Equal((NumberStatus.Returned, (string?)null, 2500L, (DateTime?)availableAfter), (stored.Status, stored.TrunkGroup, await db.FeeChargedAsync(number.Id), stored.ReturnedAt));
                Assert.Null(request.FeeVoidedAt);
                Assert.Equal(AuditAction.ReturnedToInventory, Assert.Single(added).Action);
            }
        }
    }

    [Fact]
    public async Task The_return_job_running_while_an_owner_cancels_never_returns_a_cancelled_number()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value - TestDatabase.Resolution);
        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();
        var before = await StoredState.CaptureAsync(db);

        var late = await db.Get<ReturnExpiredReleases>().ReturnOneAsync(number.Id, released.AvailableAfter!.Value, Ct);

        late.Failed(Errors.NotReleasable);
        Assert.Equal(before, await StoredState.CaptureAsync(db));
    }
}
