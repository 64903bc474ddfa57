using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Audit;

public sealed class AuditTrailTests
{
    [Fact]
    public async Task Every_state_change_of_a_numbers_life_writes_exactly_one_audit_event()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot"));
        var key = NumberKey.ById(number.Id);
        var expected = new List<(AuditAction, string)>();

        async Task Step(AuditAction action, Actor actor, Func<Task<Result>> change)
        {
            db.Clock.Advance(TimeSpan.FromMinutes(1));
            (await change()).Succeeded();
            expected.Add((action, actor.UserId));
            var audit = await portal.AuditAsync();
            Assert.Equal(expected, audit.Select(e => (e.Action, e.ActorId)));
            Assert.Equal(db.Now, audit[^1].OccurredAt);
        }

        string requestId = null!;
        await Step(AuditAction.AgentDetached, portal.Owner, async () => await db.Get<DetachAgent>().HandleAsync(portal.Owner, key, "agt_1", Ct));
        await Step(AuditAction.ReleaseRequested, portal.Owner, async () => Remember(await db.Get<RequestRelease>().HandleAsync(portal.Owner, key, Cast.Reason, Ct), id => requestId = id));
        await Step(AuditAction.ReleaseRejected, portal.Reviewer, async () => await db.Get<RejectRequest>().HandleAsync(portal.Reviewer, requestId, Cast.Note, Ct));
        await Step(AuditAction.ReleaseRequested, portal.Owner, async () => Remember(await db.Get<RequestRelease>().HandleAsync(portal.Owner, key, Cast.Reason, Ct), id => requestId = id));
        await Step(AuditAction.ReleaseWithdrawn, portal.Owner, async () => await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, requestId, Ct));
        await Step(AuditAction.ReleaseRequested, portal.Owner, async () => Remember(await db.Get<RequestRelease>().HandleAsync(portal.Owner, key, Cast.Reason, Ct), id => requestId = id));
        await Step(AuditAction.ReleaseApproved, portal.Reviewer, async () => await db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, requestId, Ct));
        await Step(AuditAction.ReleaseCancelled, portal.Owner, async () => await db.Get<CancelRelease>().HandleAsync(portal.Owner, key, Ct));
        await Step(AuditAction.ReleaseRequested, portal.Owner, async () => Remember(await db.Get<RequestRelease>().HandleAsync(portal.Owner, key, Cast.Reason, Ct), id => requestId = id));
        await Step(AuditAction.ReleaseApproved, portal.SecondReviewer, async () => await db.Get<ApproveRequest>().HandleAsync(portal.SecondReviewer, requestId, Ct));
        db.Clock.Advance(TimeSpan.FromDays(30));
        await Step(AuditAction.ReturnedToInventory, Actor.System, async () => await db.Get<ReturnExpiredReleases>().ReturnOneAsync(number.Id, db.Now, Ct));

        var trail = await portal.AuditAsync();
        Assert.All(trail, e => Assert.Equal((Cast.AccountId, number.Id, number.E164), (e.AccountId, e.PhoneNumberId, e.E164)));
        Assert.All(trail.Where(e => e.Action is not (AuditAction.AgentDetached or AuditAction.ReturnedToInventory)), e => Assert.NotNull(e.ReleaseRequestId));
        Assert.Equal(NumberStatus.Returned, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task A_raw_SQL_update_of_an_audit_event_is_refused_by_the_database()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.RequestAsync(await portal.NumberAsync());
        var before = await portal.AuditAsync();

        await using (var ctx = db.NewContext())
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => ctx.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "Summary" = 'rewritten history', "ActorName" = 'nobody'""", Ct));
            Assert.Contains("append-only", error.Message);
        }

        Assert.Equal(before.Select(e => (e.Id, e.Summary, e.ActorName)), (await portal.AuditAsync()).Select(e => (e.Id, e.Summary, e.ActorName)));
    }

    [Fact]
    public async Task A_raw_SQL_delete_of_an_audit_event_is_refused_by_the_database()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await portal.RequestAsync(await portal.NumberAsync());

        await using (var ctx = db.NewContext())
        {
            var error = await Assert.ThrowsAnyAsync<DbException>(() => ctx.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEvents" """, Ct));
            Assert.Contains("append-only", error.Message);
        }

        Assert.Single(await portal.AuditAsync());
    }

    [Fact]
    public async Task The_audit_event_is_written_in_the_same_transaction_as_the_change_so_a_failed_audit_write_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);
        await using (var ctx = db.NewContext())
        {
            await ctx.Database.ExecuteSqlRawAsync(
                TestDatabase.OnPostgres
                    ? """
                      CREATE FUNCTION test_audit_write_fails() RETURNS trigger LANGUAGE plpgsql AS $$
                      BEGIN IF NEW."Action" = 'ReleaseApproved' THEN RAISE EXCEPTION 'simulated audit failure'; END IF; RETURN NEW; END $$;
                      CREATE TRIGGER "Test_AuditWriteFails" BEFORE INSERT ON "AuditEvents" FOR EACH ROW EXECUTE FUNCTION test_audit_write_fails();
                      """
                    : "CREATE TRIGGER Test_AuditWriteFails BEFORE INSERT ON AuditEvents WHEN NEW.Action = 'ReleaseApproved' BEGIN SELECT RAISE(ABORT, 'simulated audit failure'); END;",
                Ct);
        }

        var before = await StoredState.CaptureAsync(db);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.Get<ApproveRequest>().HandleAsync(portal.Reviewer, request.Id, Ct));

        Assert.Equal(before, await StoredState.CaptureAsync(db));
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(ReleaseRequestStatus.Pending, (await portal.LoadRequestAsync(request.Id)).Status);
    }

    [Fact]
    public async Task A_refused_change_writes_no_audit_event()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: n => n.SetCallsInProgress(3));

        (await db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct)).Failed(Errors.CallsInProgress);
        (await db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_404", Ct)).Failed(Errors.AgentNotFound);
        (await db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Failed(Errors.NotReleasable);

        Assert.Empty(await portal.AuditAsync());
    }

    private static Result Remember(Result<ReleaseRequestView> result, Action<string> keep)
    {
        if (result.IsSuccess)
        {
            keep(result.Value.Id);
        }

        return result;
    }
}
