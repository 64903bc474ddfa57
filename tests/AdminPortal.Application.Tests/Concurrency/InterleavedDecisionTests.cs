using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Tests.Concurrency;

/// <summary>
/// The exact interleaving a race can produce: a use case reads the request, another decision commits, and only then
/// does the first read the number. The late one must lose cleanly with CONCURRENT_UPDATE, never a misleading error.
/// The other decision is made by another instance of the portal: within one, decisions of a request do not overlap
/// (<see cref="Common.ChangeTurns"/>).
/// </summary>
public sealed class InterleavedDecisionTests
{
    public enum Decision
    {
        Approve,
        Reject,
        Withdraw,
    }

    public static TheoryData<Decision, Decision> EveryPair
    {
        get
        {
            var data = new TheoryData<Decision, Decision>();
            foreach (var late in Enum.GetValues<Decision>())
            {
                foreach (var winner in Enum.GetValues<Decision>())
                {
                    data.Add(late, winner);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task A_decision_that_read_the_request_before_another_instances_decision_committed_gets_CONCURRENT_UPDATE(Decision late, Decision winner)
    {
        await using var db = await Interleaving.CreateDatabaseAsync();
        var portal = await Portal.CreateAsync(db);
        var coOwner = await portal.CoOwnerAsync();
        var number = await portal.NumberAsync();
        var request = await portal.RequestAsync(number);

        var lateResult = await Interleaving.RunAsync(
            () => Decide(db, late, request.Id, portal.Reviewer, portal.Owner),
            table: "PhoneNumbers",
            step: async () => (await Decide(db, winner, request.Id, portal.SecondReviewer, coOwner, anotherInstance: true)).Succeeded());

        var error = lateResult.Failed(Errors.ConcurrentUpdate);
        Assert.Contains("not saved", error.Message);
        await AssertDecidedOnceAsync(portal, request.Id, number.Id, winner);
    }

    private static async Task AssertDecidedOnceAsync(Portal portal, string requestId, string numberId, Decision winner)
    {
        var stored = await portal.LoadRequestAsync(requestId);
        var (status, numberStatus, action) = Expected(winner);
        Assert.Equal((status, 1), (stored.Status, stored.Version));
        Assert.Equal(numberStatus, (await portal.LoadNumberAsync(numberId)).Status);
        Assert.Equal([AuditAction.ReleaseRequested, action], (await portal.AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_cancel_that_read_the_number_before_the_return_job_committed_gets_CONCURRENT_UPDATE()
    {
        await using var db = await Interleaving.CreateDatabaseAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, requestId, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value - TestDatabase.Resolution);

        var cancel = await Interleaving.RunAsync(
            () => db.Get<CancelRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct),
            table: "ReleaseRequests",
            step: async () => (await db.Get<ReturnExpiredReleases>().ReturnOneAsync(number.Id, released.AvailableAfter!.Value, Ct)).Succeeded());

        cancel.Failed(Errors.ConcurrentUpdate);
        Assert.Equal(NumberStatus.Returned, (await portal.LoadNumberAsync(number.Id)).Status);
        Assert.Null((await portal.LoadRequestAsync(requestId)).FeeVoidedAt);
        Assert.Equal(AuditAction.ReturnedToInventory, (await portal.AuditAsync())[^1].Action);
    }

    private static async Task<Result> Decide(TestDatabase db, Decision decision, string requestId, Actor reviewer, Actor owner, bool anotherInstance = false)
    {
        T Get<T>()
            where T : notnull => anotherInstance ? db.GetFromAnotherInstance<T>() : db.Get<T>();

        return decision switch
        {
            Decision.Approve => await Get<ApproveRequest>().HandleAsync(reviewer, requestId, Ct),
            Decision.Reject => await Get<RejectRequest>().HandleAsync(reviewer, requestId, Cast.Note, Ct),
            _ => await Get<WithdrawRequest>().HandleAsync(owner, requestId, Ct),
        };
    }

    private static (ReleaseRequestStatus, NumberStatus, AuditAction) Expected(Decision winner) => winner switch
    {
        Decision.Approve => (ReleaseRequestStatus.Approved, NumberStatus.Released, AuditAction.ReleaseApproved),
        Decision.Reject => (ReleaseRequestStatus.Rejected, NumberStatus.Active, AuditAction.ReleaseRejected),
        _ => (ReleaseRequestStatus.Withdrawn, NumberStatus.Active, AuditAction.ReleaseWithdrawn),
    };
}
