using AdminPortal.Application.Common;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Web.Api;

/// <summary><c>/release-requests</c>: the requests and the decisions on them.</summary>
internal static class ReleaseRequestsEndpoints
{
    public static void MapReleaseRequests(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/release-requests");
        requests.MapGet("/", ListAsync).WithName("ListReleaseRequests")
            .WithSummary("Release requests, oldest first: every account for staff, the caller's accounts for owners; batch_id lists one batch")
            .ProducesEnvelope(400, 404)
            .WithQueryValues<ReleaseRequestStatus>("status");
        requests.MapGet("/{id}", GetAsync).WithName("GetReleaseRequest")
            .WithSummary("One release request of the caller's accounts (any for staff): its status, decision and timing")
            .ProducesEnvelope(404);
        requests.MapPost("/{id}/withdraw", WithdrawAsync).WithName("WithdrawReleaseRequest")
            .WithSummary("The requester or an owner of the account withdraws a pending request")
            .ProducesEnvelope(403, 404, 409, 422);
        requests.MapPost("/{id}/approve", ApproveAsync).WithName("ApproveReleaseRequest")
            .WithSummary("Staff approve a pending request made by someone else; the number is released")
            .ProducesEnvelope(403, 404, 409, 422);
        requests.MapPost("/{id}/reject", RejectAsync).WithName("RejectReleaseRequest")
            .WithSummary($"Staff reject a pending request with a note of {TextRule.Note.MinLength} to {TextRule.Note.MaxLength} characters")
            .WithTextBody(TextRule.Note, "Why the release is refused, shown to the requester", "The number is still printed on customer invoices.")
            .ProducesEnvelope(400, 403, 404, 409, 422);
    }

    private static async Task<Results<Ok<ReleaseRequestListDto>, ApiProblem>> ListAsync(
        HttpContext http, ListRequests useCase, string? status, [FromQuery(Name = "account_id")] string? accountId, [FromQuery(Name = "batch_id")] string? batchId, string? limit, string? cursor)
    {
        var parsedStatus = ApiQuery.Enum<ReleaseRequestStatus>("status", status);
        var take = ApiQuery.Limit(limit);
        if ((parsedStatus.Error ?? take.Error) is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }

        // A cursor, not an offset: requests decided between two pages must not push others past the next one.
        var filter = new RequestFilter(parsedStatus.Value, string.IsNullOrEmpty(accountId) ? null : accountId, BatchId: string.IsNullOrEmpty(batchId) ? null : batchId);
        var page = await useCase.HandleAsync(http.Actor(), filter, new Paging(Take: take.Value, Cursor: string.IsNullOrEmpty(cursor) ? null : cursor, WithTotal: false), http.RequestAborted);
        return ApiResults.Ok(page, p => new ReleaseRequestListDto([.. p.Items.Select(ReleaseRequestDto.Of)], p.NextCursor));
    }

    private static async Task<Results<Ok<ReleaseRequestDto>, ApiProblem>> GetAsync(HttpContext http, ListRequests useCase, string id) =>
        ApiResults.Ok(await useCase.OneAsync(http.Actor(), id, http.RequestAborted), ReleaseRequestDto.Of);

    private static async Task<Results<Ok<ReleaseRequestDto>, ApiProblem>> WithdrawAsync(HttpContext http, WithdrawRequest useCase, string id) =>
        ApiResults.Ok(await useCase.HandleAsync(http.Actor(), id, http.RequestAborted), ReleaseRequestDto.Of);

    private static async Task<Results<Ok<ApprovalDto>, ApiProblem>> ApproveAsync(HttpContext http, ApproveRequest useCase, string id) =>
        ApiResults.Ok(await useCase.HandleAsync(http.Actor(), id, http.RequestAborted), ApprovalDto.Of);

    private static async Task<Results<Ok<ReleaseRequestDto>, ApiProblem>> RejectAsync(HttpContext http, RejectRequest useCase, string id)
    {
        var body = await ApiBody.ReadAsync<NoteBody>(http, "{\"note\": \"…\"}");
        if (!body.IsSuccess)
        {
            return ApiResults.Problem(body.Error);
        }

        return ApiResults.Ok(await useCase.HandleAsync(http.Actor(), id, body.Value.Note, http.RequestAborted), ReleaseRequestDto.Of);
    }
}
