using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Releases;

/// <summary>What a batch decision did to one of its numbers.</summary>
public sealed record BatchItemOutcome(string RequestId, string E164, bool Succeeded, Error? Error);

public sealed record BatchDecisionView(string BatchId, IReadOnlyList<BatchItemOutcome> Outcomes)
{
    public int Succeeded => Outcomes.Count(o => o.Succeeded);
}

/// <summary>
/// Decisions on a whole batch, or on some of its numbers: each number goes through the single-request use case on its own,
/// with its own checks (four eyes, blockers at decision time, tenancy) and audit event, so one refusal never holds back the rest.
/// </summary>
public sealed class DecideBatch(IPortalDbFactory dbFactory, ApproveRequest approve, RejectRequest reject, CancelRelease cancel)
{
    public Task<Result<BatchDecisionView>> ApproveAsync(Actor actor, string batchId, IReadOnlyList<string>? requestIds = null, CancellationToken ct = default) =>
        DecideAsync(actor, batchId, requestIds, staffOnly: true, "approved", async r => await approve.HandleAsync(actor, r.Id, ct), ct);

    public async Task<Result<BatchDecisionView>> RejectAsync(Actor actor, string batchId, string? note, IReadOnlyList<string>? requestIds = null, CancellationToken ct = default)
    {
        var validNote = DecisionNote.Create(note);
        return validNote.IsSuccess
            ? await DecideAsync(actor, batchId, requestIds, staffOnly: true, "rejected", async r => await reject.HandleAsync(actor, r.Id, note, ct), ct)
            : validNote.Error;
    }

    /// <summary>Cancels, during cooling-off, the released numbers of the batch (owners of the account or staff).</summary>
    public Task<Result<BatchDecisionView>> CancelAsync(Actor actor, string batchId, IReadOnlyList<string>? requestIds = null, CancellationToken ct = default) =>
        DecideAsync(actor, batchId, requestIds, staffOnly: false, "cancelled", async r => await cancel.HandleAsync(actor, NumberKey.ById(r.PhoneNumberId), r.Id, ct), ct);

    private async Task<Result<BatchDecisionView>> DecideAsync(
        Actor actor, string batchId, IReadOnlyList<string>? requestIds, bool staffOnly, string done, Func<ReleaseRequest, Task<Result>> decide, CancellationToken ct)
    {
        List<ReleaseRequest> requests;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var reach = staffOnly ? db.StaffReach(actor) : await db.ReachAsync(actor, ct);
            if (!reach.IsSuccess)
            {
                return reach.Error;
            }

            requests = await reach.Value.Requests.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.E164).ToListAsync(ct);
        }

        if (requestIds is { Count: 0 })
        {
            return new Error(Errors.InvalidParameter, "The list of requests to decide is empty", "List release request ids of the batch, or leave the list out to decide the whole batch");
        }

        if (requests.Count == 0)
        {
            return new Error(Errors.BatchNotFound, batchId.Length <= 40 ? $"Batch {batchId} was not found" : "That batch was not found", "Check the batch id in the review queue or My requests");
        }

        var outcomes = new List<BatchItemOutcome>();
        foreach (var id in requestIds?.Where(id => requests.All(r => r.Id != id)) ?? [])
        {
            outcomes.Add(new BatchItemOutcome(id, string.Empty, false, Errors.RequestMissing(id)));
        }

        foreach (var request in requests.Where(r => requestIds is null || requestIds.Contains(r.Id)))
        {
            var decided = await decide(request);
            outcomes.Add(new BatchItemOutcome(request.Id, request.E164, decided.IsSuccess, decided.Error));
        }

        return outcomes.Any(o => o.Succeeded) ? new BatchDecisionView(batchId, outcomes) : NothingDone(outcomes, done);
    }

    /// <summary>Not one request was decided: the caller hears it as a refusal, with the blockers counted, as a single decision would.</summary>
    private static Error NothingDone(IReadOnlyList<BatchItemOutcome> outcomes, string done) => new(
        Errors.BatchNotActionable,
        outcomes.Count == 1
            ? $"{outcomes[0].Error!.Message}; nothing changed"
            : $"None of the {outcomes.Count:N0} requests could be {done} ({Errors.Counted(outcomes.Select(o => o.Error!))}); nothing changed",
        "Open the batch to see each request's state now, then decide the requests that still can be");
}
