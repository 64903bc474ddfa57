using AdminPortal.Application.Releases;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Web.Api;

/// <summary>Bulk release (a dry run, then one batch) and the decisions on a batch, each number checked on its own.</summary>
internal static class BatchesEndpoints
{
    private const string DecisionExample = "{\"release_request_ids\": [\"rr_…\"]} (optional: the whole batch when left out)";
    private const string NothingDone = "200 with every request's outcome when at least one was decided; 409 BATCH_NOT_ACTIONABLE, with the blockers counted, when none was";
    private const string RejectionExample = "{\"note\": \"…\", \"release_request_ids\": [\"rr_…\"]} (the ids optional: the whole batch when left out)";

    public static void MapBatches(this RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{account_id}/release-requests/bulk", BulkAsync).WithName("BulkRelease").WithTags("Releases")
            .WithSummary($"Up to {PreviewBulkRelease.MaxNumbers:N0} numbers: dry_run true answers 200 with a verdict per number and totals (a reason, if sent, is checked: 400 REASON_LENGTH or INVALID_TEXT); dry_run false requests the releasable ones as one batch (201), or answers 409 NOT_RELEASABLE when none can go")
            .WithJsonBody<BulkBody>()
            .Produces<BulkPreviewDto>(StatusCodes.Status200OK)
            .Produces<BatchDto>(StatusCodes.Status201Created)
            .ProducesEnvelope(400, 404, 409);
        var batches = api.MapGroup("/release-requests/batches").WithTags("Releases");
        batches.MapPost("/{batch_id}/approve", (HttpContext http, DecideBatch useCase, [FromRoute(Name = "batch_id")] string batchId) =>
                DecideAsync(http, DecisionExample, body => useCase.ApproveAsync(http.Actor(), batchId, body.ReleaseRequestIds, http.RequestAborted)))
            .WithName("ApproveBatch").WithSummary($"Staff approve the batch, or the listed requests of it; each number is checked and released on its own. {NothingDone}")
            .WithJsonBody<BatchDecisionBody>(optional: true).ProducesEnvelope(400, 403, 404, 409);
        batches.MapPost("/{batch_id}/reject", (HttpContext http, DecideBatch useCase, [FromRoute(Name = "batch_id")] string batchId) =>
                DecideAsync(http, RejectionExample, body => useCase.RejectAsync(http.Actor(), batchId, body.Note, body.ReleaseRequestIds, http.RequestAborted)))
            .WithName("RejectBatch").WithSummary($"Staff reject the batch, or the listed requests of it, with one note of 10 to 500 characters. {NothingDone}")
            .WithJsonBody<BatchDecisionBody>(optional: true).ProducesEnvelope(400, 403, 404, 409);
        batches.MapPost("/{batch_id}/cancel", (HttpContext http, DecideBatch useCase, [FromRoute(Name = "batch_id")] string batchId) =>
                DecideAsync(http, DecisionExample, body => useCase.CancelAsync(http.Actor(), batchId, body.ReleaseRequestIds, http.RequestAborted)))
            .WithName("CancelBatch").WithSummary($"Cancels the released numbers of the batch during their cooling-off period (owners or staff). {NothingDone}")
            .WithJsonBody<BatchDecisionBody>(optional: true).ProducesEnvelope(400, 404, 409);
    }

    private static async Task<IResult> BulkAsync(HttpContext http, PreviewBulkRelease preview, RequestBulkRelease request, [FromRoute(Name = "account_id")] string accountId)
    {
        var body = await ApiBody.ReadAsync<BulkBody>(http, "{\"numbers\": [\"+14155550101\"], \"reason\": \"…\", \"dry_run\": true}");
        if (!body.IsSuccess)
        {
            return ApiResults.Problem(body.Error);
        }

        var (numbers, reason, dryRun, releaseAt) = body.Value;
        var timing = releaseAt ?? ReleaseTiming.Now;
        return dryRun != false
            ? ApiResults.Ok(await preview.HandleAsync(http.Actor(), accountId, numbers, timing, reason, http.RequestAborted), BulkPreviewDto.Of).Result
            : ApiResults.Created(await request.HandleAsync(http.Actor(), accountId, numbers, reason, timing, ct: http.RequestAborted), BatchDto.Of).Result;
    }

    /// <summary>A decision body is optional: without one the whole batch is decided.</summary>
    private static async Task<Results<Ok<BatchDecisionDto>, ApiProblem>> DecideAsync(HttpContext http, string example, Func<BatchDecisionBody, Task<Result<BatchDecisionView>>> decide)
    {
        var empty = http.Request.ContentLength == 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType());
        var body = empty ? Result<BatchDecisionBody>.Success(new BatchDecisionBody(null, null)) : await ApiBody.ReadAsync<BatchDecisionBody>(http, example);
        return body.IsSuccess ? ApiResults.Ok(await decide(body.Value), BatchDecisionDto.Of) : ApiResults.Problem(body.Error);
    }
}
