using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Concurrency;

/// <summary>Many reviewers deciding one request at the same moment: exactly one decision is stored.</summary>
public sealed class DecisionRaceTests
{
    private const int Reviewers = 24;

    [Fact]
    public async Task Concurrent_approvals_of_one_request_end_with_exactly_one_approval_and_one_audit_event_and_the_others_told_who_approved()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(purchasedAt: db.Now.AddMonths(-1));
        var request = await portal.RequestAsync(number);
        var reviewers = await ReviewersAsync(portal);
        var before = await StoredState.CaptureAsync(db);

        var results = await Race.RunAsync(reviewers.Select(reviewer =>
        {
            var approve = db.Get<ApproveRequest>();
            return (Func<Task<Result<ReleaseView>>>)(() => approve.HandleAsync(reviewer, request.Id, Ct));
        }).ToList());

        var winner = AssertOneWinner(results, reviewers);
        var stored = await portal.LoadRequestAsync(request.Id);
        Assert.Equal((ReleaseRequestStatus.Approved, winner.UserId, 1), (stored.Status, stored.DecidedById, stored.Version));
        var storedNumber = await portal.LoadNumberAsync(number.Id);
        Assert.Equal((NumberStatus.Released, 2500L, db.Now.AddDays(30)), (storedNumber.Status, await db.FeeChargedAsync(number.Id), storedNumber.AvailableAfter!.Value));
        var audit = await portal.AuditAsync();
        Assert.Equal(before.AuditEvents + 1, audit.Count);
        Assert.Equal(winner.UserId, Assert.Single(audit, e => e.Action == AuditAction.ReleaseApproved).ActorId);
    }

    [Fact]
    public async Task Reviewers_approving_and_rejecting_one_request_at_once_end_with_exactly_one_decision()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);
        var reviewers = await ReviewersAsync(portal);
        var before = await StoredState.CaptureAsync(db);

        var results = await Race.RunAsync(reviewers.Select((reviewer, i) =>
        {
            if (i % 2 == 0)
            {
                var approve = db.Get<ApproveRequest>();
                return (Func<Task<Result>>)(async () => await approve.HandleAsync(reviewer, request.Id, Ct));
            }

            var reject = db.Get<RejectRequest>();
            return async () => await reject.HandleAsync(reviewer, request.Id, Cast.Note, Ct);
        }).ToList());

        var winner = AssertOneWinner(results, reviewers);
        var approvedWon = reviewers.IndexOf(winner) % 2 == 0;
        var stored = await portal.LoadRequestAsync(request.Id);
        Assert.Equal(approvedWon ? ReleaseRequestStatus.Approved : ReleaseRequestStatus.Rejected, stored.Status);
        Assert.Equal(winner.UserId, stored.DecidedById);
        Assert.Equal(approvedWon ? NumberStatus.Released : NumberStatus.Active, (await portal.LoadNumberAsync(number.Id)).Status);
        var added = (await portal.AuditAsync()).Skip(before.AuditEvents).ToList();
        var only = Assert.Single(added);
        Assert.Equal((approvedWon ? AuditAction.ReleaseApproved : AuditAction.ReleaseRejected, winner.UserId), (only.Action, only.ActorId));
    }

    [Fact]
    public async Task Two_reviewers_approving_at_once_a_number_that_needs_two_give_the_first_and_the_second_approval()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(provision: n => n.Provision(Cast.TrunkGroup, Cast.InboundRouting, A2pStatus.Approved));
        var request = await portal.RequestAsync(number);
        Actor[] reviewers = [portal.Reviewer, portal.SecondReviewer];

        var results = await Race.RunAsync(reviewers.Select(reviewer =>
        {
            var approve = db.Get<ApproveRequest>();
            return (Func<Task<Result<ReleaseView>>>)(() => approve.HandleAsync(reviewer, request.Id, Ct));
        }).ToList());

        Assert.All(results, r => r.Succeeded());
        Assert.Equal(NumberStatus.Released, (await portal.LoadNumberAsync(number.Id)).Status);
        var approvals = (await portal.AuditAsync()).Where(e => e.Action is AuditAction.ReleaseFirstApproved or AuditAction.ReleaseApproved).ToList();
        Assert.Equal([AuditAction.ReleaseFirstApproved, AuditAction.ReleaseApproved], approvals.Select(e => e.Action));
        Assert.Equivalent(reviewers.Select(r => r.UserId), approvals.Select(e => e.ActorId));
    }

    [Fact]
    public async Task Concurrent_requests_for_one_number_store_exactly_one_pending_request()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        var owners = new List<Actor> { portal.Owner };
        for (var i = 1; i < 20; i++)
        {
            owners.Add(await portal.CoOwnerAsync($"co.owner{i}@example.com"));
        }

        var results = await Race.RunAsync(owners.Select(owner =>
        {
            var request = db.Get<RequestRelease>();
            return (Func<Task<Result<ReleaseRequestView>>>)(() => request.HandleAsync(owner, NumberKey.ById(number.Id), Cast.Reason, Ct));
        }).ToList());

        var winner = Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Contains(r.Error!.Code, new[] { Errors.ConcurrentUpdate, Errors.ReleaseAlreadyPending }));
        var stored = Assert.Single(await portal.RequestsForAsync(number.Id));
        Assert.Equal((winner.Value.Id, ReleaseRequestStatus.Pending), (stored.Id, stored.Status));
        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(winner.Value.Id, Assert.Single(await portal.AuditAsync()).ReleaseRequestId);
    }

    private static async Task<List<Actor>> ReviewersAsync(Portal portal)
    {
        var reviewers = new List<Actor>();
        for (var i = 0; i < Reviewers; i++)
        {
            reviewers.Add(await portal.Given.ReviewerAsync($"racer{i}@example.com"));
        }

        return reviewers;
    }

    /// <summary>
    /// Exactly one call succeeded; every other waited for it (<see cref="Common.ChangeTurns"/>), read the request it left and was
    /// told who decided it, rather than that the saves clashed.
    /// </summary>
    private static Actor AssertOneWinner<T>(IReadOnlyList<T> results, IReadOnlyList<Actor> actors)
        where T : Result
    {
        Assert.Equal(actors.Count, results.Count);
        var winners = Enumerable.Range(0, results.Count).Where(i => results[i].IsSuccess).ToList();
        var losers = results.Where(r => !r.IsSuccess).Select(r => r.Error!).ToList();
        Assert.True(winners.Count == 1, $"{winners.Count} winners; losers: {string.Join(", ", losers.Select(l => l.Code).Distinct())}");
        var winner = actors[winners[0]];
        Assert.All(losers, e =>
        {
            Assert.Equal(Errors.RequestAlreadyDecided, e.Code);
            Assert.Contains($"by {winner.Name} at", e.Message);
        });
        return winner;
    }
}
