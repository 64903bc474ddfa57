using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Releases;

/// <summary>Bulk release: a verdict per number before anything happens, then one batch of ordinary requests, decided together or apart.</summary>
public sealed class BulkReleaseTests
{
    [Fact]
    public async Task The_dry_run_gives_each_number_its_verdict_and_the_totals_and_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var old = await portal.NumberAsync("+14155550101");
        var recent = await portal.NumberAsync("+14155550102", purchasedAt: db.Now.AddMonths(-1));
        var withAgent = await portal.NumberAsync("+14155550103", Portal.WithAgents("Support Bot"));
        var other = await portal.NumberAsync("+14155550104", accountId: Cast.OtherAccountId);
        var before = await StoredState.CaptureAsync(db);

        var preview = (await db.Get<PreviewBulkRelease>().HandleAsync(
            portal.Owner, Cast.AccountId, [old.E164, "14155550102", withAgent.E164, "+1", old.E164, other.E164, "+14155559999"], ReleaseTiming.Now, ct: Ct)).Succeeded();

        Assert.Equal(before, await StoredState.CaptureAsync(db));
        Assert.Equal([true, true, false, false, false, false, false], preview.Results.Select(r => r.CanRelease));
        Assert.Equal(
            [Errors.NumberInUse, Errors.InvalidE164, Errors.DuplicateNumber, Errors.NumberNotFound, Errors.NumberNotFound],
            preview.Results.Where(r => !r.CanRelease).Select(r => r.Blockers[0].Code));
        Assert.Equal((2, 5, 2500L), (preview.Summary.Releasable, preview.Summary.Blocked, preview.Summary.TotalFees.Cents));
        Assert.Equal(2, preview.Summary.BlockedBy[Errors.NumberNotFound]);
        Assert.Equal($"{other.E164} is not a number of account {Cast.AccountId}", preview.Results[5].Blockers[0].Message);
        Assert.Equal(recent.NextBillingAt, preview.Results[1].BillingEndsAt);
        Assert.Equal(db.Now.AddDays(30), preview.Results[0].AvailableAfter);
    }

    [Fact]
    public async Task A_dry_run_with_a_reason_refuses_a_short_one_as_the_request_would_and_one_without_a_reason_still_previews()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync("+14155560005");
        var preview = db.Get<PreviewBulkRelease>();

        (await preview.HandleAsync(portal.Owner, Cast.AccountId, [number.E164], ReleaseTiming.Now, "short", Ct)).Failed(Errors.ReasonLength);
        (await preview.HandleAsync(portal.Owner, Cast.AccountId, [number.E164], ReleaseTiming.Now, "Office closed\u200b; no longer needed", Ct)).Failed(Errors.InvalidText);

        Assert.Equal(1, (await preview.HandleAsync(portal.Owner, Cast.AccountId, [number.E164], ReleaseTiming.Now, ct: Ct)).Succeeded().Summary.Releasable);
        Assert.Equal(1, (await preview.HandleAsync(portal.Owner, Cast.AccountId, [number.E164], ReleaseTiming.Now, Cast.Reason, Ct)).Succeeded().Summary.Releasable);
    }

    [Fact]
    public async Task No_number_or_more_than_1000_is_refused_as_a_whole()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        Assert.Equal("No number was given", (await db.Get<PreviewBulkRelease>().HandleAsync(portal.Owner, Cast.AccountId, [], ReleaseTiming.Now, ct: Ct)).Failed(Errors.InvalidParameter).Message);
        (await db.Get<PreviewBulkRelease>().HandleAsync(portal.Owner, Cast.AccountId, null, ReleaseTiming.Now, ct: Ct)).Failed(Errors.InvalidParameter);
        var tooMany = Enumerable.Range(0, 1001).Select(i => $"+1415555{i:D4}").ToList();
        (await db.Get<PreviewBulkRelease>().HandleAsync(portal.Owner, Cast.AccountId, tooMany, ReleaseTiming.Now, ct: Ct)).Failed(Errors.BatchTooLarge);
        (await db.Get<PreviewBulkRelease>().HandleAsync(portal.Owner, Cast.OtherAccountId, ["+14155550101"], ReleaseTiming.Now, ct: Ct)).Failed(Errors.AccountNotFound);
    }

    [Fact]
    public async Task A_batch_makes_one_request_per_releasable_number_with_its_audit_event_and_names_why_the_others_were_not_made()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var numbers = await NumbersAsync(portal, 5);

        var blocked = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot"));
        var progress = new List<int>();

        var batch = (await db.Get<RequestBulkRelease>().HandleAsync(
            portal.Owner, Cast.AccountId, [.. numbers.Select(n => n.E164), blocked.E164], Cast.Reason, ReleaseTiming.Now, new SynchronousProgress(progress), Ct)).Succeeded();

        Assert.StartsWith("bat_", batch.BatchId);
        Assert.Equal(5, batch.Requested);
        Assert.Equal(Errors.NumberInUse, batch.Results[^1].Error!.Code);
        Assert.Equal([1, 2, 3, 4, 5, 6], progress);
        foreach (var number in numbers)
        {
            var request = Assert.Single(await portal.RequestsForAsync(number.Id));
            Assert.Equal((batch.BatchId, ReleaseRequestStatus.Pending), (request.BatchId, request.Status));
        }

        Assert.Equal(5, (await portal.AuditAsync()).Count(e => e.Action == AuditAction.ReleaseRequested));
        Assert.Empty(await portal.RequestsForAsync(blocked.Id));
        (await db.Get<RequestBulkRelease>().HandleAsync(portal.Owner, Cast.AccountId, [numbers[0].E164], "too short", ReleaseTiming.Now, null, Ct)).Failed(Errors.ReasonLength);
    }

    [Fact]
    public async Task A_list_of_which_no_number_can_go_is_refused_as_a_whole_and_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var busy = await portal.NumberAsync("+14155550103", Portal.WithAgents("Support Bot"));
        var before = await StoredState.CaptureAsync(db);

        var refused = (await db.Get<RequestBulkRelease>().HandleAsync(
            portal.Owner, Cast.AccountId, [busy.E164, "+1", "+14155559998", "+14155559999"], Cast.Reason, ReleaseTiming.Now, null, Ct)).Failed(Errors.NotReleasable);
        var alone = (await db.Get<RequestBulkRelease>().HandleAsync(portal.Owner, Cast.AccountId, [busy.E164], Cast.Reason, ReleaseTiming.Now, null, Ct)).Failed(Errors.NotReleasable);
        var missing = (await db.Get<RequestBulkRelease>().HandleAsync(portal.Owner, Cast.AccountId, ["+14155559999"], Cast.Reason, ReleaseTiming.Now, null, Ct)).Failed(Errors.NotReleasable);

        Assert.Equal($"None of the 4 numbers can be released ({Errors.NumberNotFound} ×2, {Errors.NumberInUse} ×1, {Errors.InvalidE164} ×1); no request was made", refused.Message);
        Assert.StartsWith(busy.E164, alone.Message);
        Assert.EndsWith("; no request was made", alone.Message);
        Assert.Equal($"+14155559999 is not a number of account {Cast.AccountId}; no request was made", missing.Message);
        Assert.Equal(before, await StoredState.CaptureAsync(db));
    }

    [Fact]
    public async Task Approving_a_batch_refuses_alone_the_number_that_gained_an_agent_and_releases_the_rest()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var numbers = await NumbersAsync(portal, 4);

        var batch = await BatchAsync(db, portal, numbers);
        await portal.ChangeNumberAsync(numbers[2].Id, n => n.AttachAgent(new AttachedAgent("agt_9", "Night Bot")));

        var decided = (await db.Get<DecideBatch>().ApproveAsync(portal.Reviewer, batch.BatchId, ct: Ct)).Succeeded();

        Assert.Equal(3, decided.Succeeded);
        Assert.Equal(Errors.NumberInUse, Assert.Single(decided.Outcomes, o => !o.Succeeded).Error!.Code);
        Assert.Equal(
            [NumberStatus.Released, NumberStatus.Released, NumberStatus.ReleasePending, NumberStatus.Released],
            await Task.WhenAll(numbers.Select(async n => (await portal.LoadNumberAsync(n.Id)).Status)));
        (await db.Get<DecideBatch>().ApproveAsync(portal.Owner, batch.BatchId, ct: Ct)).Failed(Errors.StaffOnly);
        (await db.Get<DecideBatch>().ApproveAsync(portal.Reviewer, "bat_nothing", ct: Ct)).Failed(Errors.BatchNotFound);
    }

    [Fact]
    public async Task A_batch_is_rejected_with_one_note_or_in_part_and_cancelled_per_batch_during_cooling_off()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var numbers = await NumbersAsync(portal, 4);

        var batch = await BatchAsync(db, portal, numbers);
        var ids = batch.Results.Select(r => r.RequestId!).ToList();

        (await db.Get<DecideBatch>().RejectAsync(portal.Reviewer, batch.BatchId, "short", ids[..1], Ct)).Failed(Errors.NoteLength);
        Assert.Equal(1, (await db.Get<DecideBatch>().RejectAsync(portal.Reviewer, batch.BatchId, Cast.Note, ids[..1], Ct)).Succeeded().Succeeded);
        Assert.Equal(3, (await db.Get<DecideBatch>().ApproveAsync(portal.Reviewer, batch.BatchId, ct: Ct)).Succeeded().Succeeded);
        var cancelled = (await db.Get<DecideBatch>().CancelAsync(portal.Owner, batch.BatchId, ct: Ct)).Succeeded();

        Assert.Equal(3, cancelled.Succeeded);
        foreach (var number in numbers)
        {
            Assert.Equal(NumberStatus.Active, (await portal.LoadNumberAsync(number.Id)).Status);
        }
        (await db.Get<DecideBatch>().CancelAsync(portal.Stranger, batch.BatchId, ct: Ct)).Failed(Errors.BatchNotFound);
    }

    [Fact]
    public async Task A_batch_decision_that_decides_no_request_is_refused_as_BATCH_NOT_ACTIONABLE_and_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var numbers = await NumbersAsync(portal, 2);
        var batch = await BatchAsync(db, portal, numbers);
        var ids = batch.Results.Select(r => r.RequestId!).ToList();
        var before = await StoredState.CaptureAsync(db);

        var cancelled = (await db.Get<DecideBatch>().CancelAsync(portal.Owner, batch.BatchId, ct: Ct)).Failed(Errors.BatchNotActionable);
        var one = (await db.Get<DecideBatch>().CancelAsync(portal.Owner, batch.BatchId, ids[..1], Ct)).Failed(Errors.BatchNotActionable);
        (await db.Get<DecideBatch>().ApproveAsync(portal.Reviewer, batch.BatchId, [], Ct)).Failed(Errors.InvalidParameter);

        Assert.Equal(before, await StoredState.CaptureAsync(db));
        Assert.StartsWith("None of the 2 requests could be cancelled (NOT_RELEASABLE ×2)", cancelled.Message);
        Assert.StartsWith($"{numbers[0].E164} was not released by request {ids[0]}", one.Message);
    }

    [Fact]
    public async Task Cancelling_a_batch_leaves_alone_a_later_release_of_a_number_the_batch_did_not_release()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var numbers = await NumbersAsync(portal, 2);
        var batch = await BatchAsync(db, portal, numbers);
        var ids = batch.Results.Select(r => r.RequestId!).ToList();
        (await db.Get<DecideBatch>().RejectAsync(portal.Reviewer, batch.BatchId, Cast.Note, ids[..1], Ct)).Succeeded();
        (await db.Get<DecideBatch>().ApproveAsync(portal.Reviewer, batch.BatchId, ids[1..], Ct)).Succeeded();
        var later = await portal.RequestAsync(numbers[0]);
        await portal.ApproveAsync(later.Id);

        var cancelled = (await db.Get<DecideBatch>().CancelAsync(portal.Owner, batch.BatchId, ct: Ct)).Succeeded();

        Assert.Equal([(ids[0], false, Errors.NotReleasable), (ids[1], true, null)], cancelled.Outcomes.Select(o => (o.RequestId, o.Succeeded, o.Error?.Code)));
        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(numbers[0].Id)).Status);
        Assert.Equal(NumberStatus.Active, (await portal.LoadNumberAsync(numbers[1].Id)).Status);
    }

    [Fact]
    public async Task A_batch_approval_racing_the_owner_withdrawing_one_number_ends_with_one_outcome_for_that_number()
    {
        for (var round = 0; round < 6; round++)
        {
            await using var db = await TestDatabase.CreateAsync();
            var portal = await Portal.CreateAsync(db);
            var numbers = await NumbersAsync(portal, 3);
            var batch = await BatchAsync(db, portal, numbers);
            var contested = batch.Results[1].RequestId!;

            var results = await Race.RunAsync<Result>(
            [
                async () => (await db.Get<DecideBatch>().ApproveAsync(portal.Reviewer, batch.BatchId, ct: Ct)).Value.Outcomes.Single(o => o.RequestId == contested) is { Succeeded: true } ? Result.Success() : new Error("LOST", "lost", "none"),
                async () => await db.Get<WithdrawRequest>().HandleAsync(portal.Owner, contested, Ct),
            ]);

            Assert.True(results[0].IsSuccess ^ results[1].IsSuccess);
            var request = await portal.LoadRequestAsync(contested);
            Assert.Equal(results[0].IsSuccess ? ReleaseRequestStatus.Approved : ReleaseRequestStatus.Withdrawn, request.Status);
            Assert.Single(await portal.AuditAsync(), e => e.ReleaseRequestId == contested && e.Action is AuditAction.ReleaseApproved or AuditAction.ReleaseWithdrawn);
            Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(numbers[0].Id)).Status);
        }
    }

    /// <summary>Reports on the caller's thread, so the test reads every report in order.</summary>
    /// <summary>Active numbers of the owner's account, with nothing in the way of their release.</summary>
    private static async Task<List<PhoneNumber>> NumbersAsync(Portal portal, int count)
    {
        var numbers = new List<PhoneNumber>();
        for (var i = 0; i < count; i++)
        {
            numbers.Add(await portal.NumberAsync());
        }

        return numbers;
    }

    /// <summary>The numbers requested by the owner as one batch, to be released now.</summary>
    private static async Task<BatchView> BatchAsync(TestDatabase db, Portal portal, IEnumerable<PhoneNumber> numbers) =>
        (await db.Get<RequestBulkRelease>().HandleAsync(portal.Owner, Cast.AccountId, [.. numbers.Select(n => n.E164)], Cast.Reason, ReleaseTiming.Now, null, Ct)).Succeeded();

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
