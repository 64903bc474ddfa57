using AdminPortal.Application.Common;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using AdminPortal.Domain.Numbers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Api;

/// <summary><c>/accounts/{account_id}/numbers</c>: an account's numbers, their previews and releases.</summary>
internal static class NumbersEndpoints
{
    public static void MapNumbers(this RouteGroupBuilder api)
    {
        var numbers = api.MapGroup("/accounts/{account_id}/numbers");
        var releases = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<ReleaseOptions>>().Value;

        numbers.MapGet("/", ListAsync).WithName("ListNumbers")
            .WithSummary("The account's numbers, filtered, in pages (keyset cursor)")
            .ProducesEnvelope(400, 404)
            .WithQueryValues<NumberStatus>("status").WithQueryValues<NumberType>("type");
        numbers.MapGet("/released", ListReleasedAsync).WithName("ListReleasedNumbers")
            .WithSummary($"Numbers released or returned to inventory in the last {releases.ReleasedListDays} days, with whether they can still be cancelled")
            .ProducesEnvelope(400, 404);
        numbers.MapGet("/{e164}", GetAsync).WithName("GetNumber")
            .WithSummary("One number with its assignments and status; the E.164 may omit the +")
            .ProducesEnvelope(400, 404);
        numbers.MapGet("/{e164}/release-preview", PreviewAsync).WithName("PreviewRelease")
            .WithSummary("What releasing the number now would cost and break")
            .ProducesEnvelope(400, 404);
        numbers.MapDelete("/{e164}/agents/{agent_id}", DetachAgentAsync).WithName("DetachAgent")
            .WithSummary("Detaches an agent from the number (agents must be detached before a release)")
            .ProducesEnvelope(400, 404, 409);
        numbers.MapPost("/{e164}/request-release", RequestReleaseAsync).WithName("RequestRelease")
            .WithSummary($"Requests the release with a reason of {TextRule.Reason.MinLength} to {TextRule.Reason.MaxLength} characters, now or (release_at: end_of_billing_cycle) when the billing cycle ends; approved at once under a SelfService policy unless the number needs a second reviewer")
            .WithTextBody(TextRule.Reason, "Why the number is no longer needed", "Office closed; this line is no longer needed.")
            .ProducesEnvelope(400, 404, 409, 422);
        numbers.MapPost("/{e164}/cancel-release", CancelReleaseAsync).WithName("CancelRelease")
            .WithSummary($"Cancels a release during its {releases.CoolingOffDays}-day cooling-off period, restoring trunk group and routing and voiding the fee")
            .ProducesEnvelope(400, 404, 409, 422);
    }

    private static async Task<Results<Ok<NumberListDto>, ApiProblem>> ListAsync(
        HttpContext http, ListNumbers useCase, [FromRoute(Name = "account_id")] string accountId,
        string? status, string? type, string? country, string? q, string? limit, string? cursor)
    {
        var parsedStatus = ApiQuery.Enum<NumberStatus>("status", status);
        var parsedType = ApiQuery.Enum<NumberType>("type", type);
        var take = ApiQuery.Limit(limit);
        if ((parsedStatus.Error ?? parsedType.Error ?? take.Error) is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }

        var filter = new NumberFilter(accountId, q, country, parsedType.Value, parsedStatus.Value);
        var page = await useCase.HandleAsync(http.Actor(), filter, new Paging(Take: take.Value, Cursor: cursor, WithTotal: false), http.RequestAborted);
        return ApiResults.Ok(page, p => new NumberListDto([.. p.Items.Select(NumberSummaryDto.Of)], p.NextCursor));
    }

    private static async Task<Results<Ok<NumberDto>, ApiProblem>> GetAsync(HttpContext http, GetNumber useCase, [FromRoute(Name = "account_id")] string accountId, string e164) =>
        ApiResults.Ok(await useCase.HandleAsync(http.Actor(), NumberKey.ByE164(accountId, e164), http.RequestAborted), NumberDto.Of);

    private static async Task<Results<Ok<ReleasePreviewDto>, ApiProblem>> PreviewAsync(
        HttpContext http, PreviewRelease useCase, [FromRoute(Name = "account_id")] string accountId, string e164) =>
        ApiResults.Ok(await useCase.HandleAsync(http.Actor(), NumberKey.ByE164(accountId, e164), http.RequestAborted), ReleasePreviewDto.Of);

    private static async Task<Results<NoContent, ApiProblem>> DetachAgentAsync(
        HttpContext http, DetachAgent useCase, [FromRoute(Name = "account_id")] string accountId, string e164, [FromRoute(Name = "agent_id")] string agentId) =>
        ApiResults.NoContent(await useCase.HandleAsync(http.Actor(), NumberKey.ByE164(accountId, e164), agentId, http.RequestAborted));

    private static async Task<Results<Created<ReleaseRequestDto>, ApiProblem>> RequestReleaseAsync(
        HttpContext http, RequestRelease useCase, [FromRoute(Name = "account_id")] string accountId, string e164)
    {
        var body = await ApiBody.ReadAsync<ReasonBody>(http, "{\"reason\": \"…\"}");
        if (!body.IsSuccess)
        {
            return ApiResults.Problem(body.Error);
        }

        var created = await useCase.HandleAsync(http.Actor(), NumberKey.ByE164(accountId, e164), body.Value.Reason, body.Value.ReleaseAt ?? ReleaseTiming.Now, null, http.RequestAborted);
        return ApiResults.Created(created, ReleaseRequestDto.Of);
    }

    private static async Task<Results<Ok<CancellationDto>, ApiProblem>> CancelReleaseAsync(
        HttpContext http, CancelRelease useCase, [FromRoute(Name = "account_id")] string accountId, string e164) =>
        ApiResults.Ok(await useCase.HandleAsync(http.Actor(), NumberKey.ByE164(accountId, e164), http.RequestAborted), CancellationDto.Of);

    private static async Task<Results<Ok<ReleasedNumberListDto>, ApiProblem>> ListReleasedAsync(
        HttpContext http, ListReleased useCase, [FromRoute(Name = "account_id")] string accountId, string? limit, string? cursor)
    {
        var paging = ApiQuery.Offset(limit, cursor);
        if (!paging.IsSuccess)
        {
            return ApiResults.Problem(paging.Error);
        }

        var page = await useCase.HandleAsync(http.Actor(), accountId, paging.Value, http.RequestAborted);
        return ApiResults.Ok(page, p => new ReleasedNumberListDto([.. p.Items.Select(ReleasedNumberDto.Of)], ApiQuery.NextOffset(paging.Value, p)));
    }
}
