using System.Globalization;
using AdminPortal.Application.Audit;
using AdminPortal.Application.Common;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Web.Api;

/// <summary>
/// <c>/api/v1</c>: the portal's use cases over HTTP. Each endpoint only translates: it calls the same Application
/// layer as the pages, so every rule, tenancy check and audit event is the same.
/// </summary>
public static class ApiEndpoints
{
    public static void MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiServices.Policy)
            .RequireRateLimiting(ApiServices.RateLimitPolicy)
            .WithTags("Releases")
            .ProducesEnvelope(401, 403, 429);
        var numbers = api.MapGroup("/accounts/{account_id}/numbers");

        numbers.MapGet("/", ListNumbersAsync).WithName("ListNumbers")
            .WithSummary("The account's numbers, filtered, in pages (keyset cursor)")
            .Produces<NumberListDto>().ProducesEnvelope(400, 404)
            .WithQueryValues<NumberStatus>("status").WithQueryValues<NumberType>("type");
        numbers.MapGet("/released", ListReleasedAsync).WithName("ListReleasedNumbers")
            .WithSummary("Numbers released or returned to inventory in the last 30 days, with whether they can still be cancelled")
            .Produces<ReleasedNumberListDto>().ProducesEnvelope(400, 404);
        numbers.MapGet("/{e164}", GetNumberAsync).WithName("GetNumber")
            .WithSummary("One number with its assignments and status; the E.164 may omit the +")
            .Produces<NumberDto>().ProducesEnvelope(400, 404);
        numbers.MapGet("/{e164}/release-preview", PreviewAsync).WithName("PreviewRelease")
            .WithSummary("What releasing the number now would cost and break")
            .Produces<ReleasePreviewDto>().ProducesEnvelope(400, 404);
        numbers.MapDelete("/{e164}/agents/{agent_id}", DetachAgentAsync).WithName("DetachAgent")
            .WithSummary("Detaches an agent from the number (agents must be detached before a release)")
            .Produces(StatusCodes.Status204NoContent).ProducesEnvelope(400, 404, 409);
        numbers.MapPost("/{e164}/request-release", RequestReleaseAsync).WithName("RequestRelease")
            .WithSummary("Requests the release with a reason of 10 to 500 characters; approved at once under a SelfService policy")
            .WithTextBody("reason", "Why the number is no longer needed", "Office closed; this line is no longer needed.")
            .Produces<ReleaseRequestDto>(StatusCodes.Status201Created).ProducesEnvelope(400, 404, 409, 422);
        numbers.MapPost("/{e164}/cancel-release", CancelReleaseAsync).WithName("CancelRelease")
            .WithSummary("Cancels a release during its cooling-off period, restoring trunk group and routing and voiding the fee")
            .Produces<CancellationDto>().ProducesEnvelope(400, 404, 409, 422);

        var requests = api.MapGroup("/release-requests");
        requests.MapGet("/", ListRequestsAsync).WithName("ListReleaseRequests")
            .WithSummary("Release requests, oldest first: every account for staff, the caller's accounts for owners")
            .Produces<ReleaseRequestListDto>().ProducesEnvelope(400, 404)
            .WithQueryValues<ReleaseRequestStatus>("status");
        requests.MapPost("/{id}/withdraw", WithdrawAsync).WithName("WithdrawReleaseRequest")
            .WithSummary("The requester or an owner of the account withdraws a pending request")
            .Produces<ReleaseRequestDto>().ProducesEnvelope(403, 404, 409, 422);
        requests.MapPost("/{id}/approve", ApproveAsync).WithName("ApproveReleaseRequest")
            .WithSummary("Staff approve a pending request made by someone else; the number is released")
            .Produces<ApprovalDto>().ProducesEnvelope(403, 404, 409, 422);
        requests.MapPost("/{id}/reject", RejectAsync).WithName("RejectReleaseRequest")
            .WithSummary("Staff reject a pending request with a note of 10 to 500 characters")
            .WithTextBody("note", "Why the release is refused, shown to the requester", "The number is still printed on customer invoices.")
            .Produces<ReleaseRequestDto>().ProducesEnvelope(400, 403, 404, 409, 422);

        api.MapGet("/audit-events", ListAuditAsync).WithName("ListAuditEvents")
            .WithSummary("The audit trail, newest first: everything for staff, the caller's accounts for owners")
            .Produces<AuditEventListDto>().ProducesEnvelope(400, 404);

    }

    private static async Task<IResult> ListNumbersAsync(
        HttpContext http, ListNumbers useCase, [FromRoute(Name = "account_id")] string accountId,
        string? status, string? type, string? country, string? q, string? limit, string? cursor)
    {
        var parsedStatus = Query.Enum<NumberStatus>("status", status);
        var parsedType = Query.Enum<NumberType>("type", type);
        var take = Query.Limit(limit);
        var invalid = parsedStatus.Error ?? parsedType.Error ?? take.Error;
        if (invalid is not null)
        {
            return ApiResults.Problem(invalid);
        }

        var filter = new NumberFilter(accountId, q, country, parsedType.Value, parsedStatus.Value);
        var page = await useCase.HandleAsync(Actor(http), filter, new Paging(Take: take.Value, Cursor: cursor, WithTotal: false), http.RequestAborted);
        return ApiResults.Ok(page, p => new NumberListDto([.. p.Items.Select(NumberSummaryDto.Of)], p.NextCursor));
    }

    private static async Task<IResult> GetNumberAsync(HttpContext http, GetNumber useCase, [FromRoute(Name = "account_id")] string accountId, string e164) =>
        ApiResults.Ok(await useCase.HandleAsync(Actor(http), NumberKey.ByE164(accountId, e164), http.RequestAborted), NumberDto.Of);

    private static async Task<IResult> PreviewAsync(HttpContext http, PreviewRelease useCase, [FromRoute(Name = "account_id")] string accountId, string e164) =>
        ApiResults.Ok(await useCase.HandleAsync(Actor(http), NumberKey.ByE164(accountId, e164), http.RequestAborted), ReleasePreviewDto.Of);

    private static async Task<IResult> DetachAgentAsync(
        HttpContext http, DetachAgent useCase, [FromRoute(Name = "account_id")] string accountId, string e164, [FromRoute(Name = "agent_id")] string agentId) =>
        ApiResults.NoContent(await useCase.HandleAsync(Actor(http), NumberKey.ByE164(accountId, e164), agentId, http.RequestAborted));

    private static async Task<IResult> RequestReleaseAsync(
        HttpContext http, RequestRelease useCase, [FromRoute(Name = "account_id")] string accountId, string e164)
    {
        var body = await Body.ReadAsync<ReasonBody>(http, "{\"reason\": \"…\"}");
        if (!body.IsSuccess)
        {
            return ApiResults.Problem(body.Error);
        }

        var created = await useCase.HandleAsync(Actor(http), NumberKey.ByE164(accountId, e164), body.Value.Reason, http.RequestAborted);
        return ApiResults.Ok(created, ReleaseRequestDto.Of, StatusCodes.Status201Created);
    }

    private static async Task<IResult> CancelReleaseAsync(HttpContext http, CancelRelease useCase, [FromRoute(Name = "account_id")] string accountId, string e164) =>
        ApiResults.Ok(await useCase.HandleAsync(Actor(http), NumberKey.ByE164(accountId, e164), http.RequestAborted), CancellationDto.Of);

    private static async Task<IResult> ListReleasedAsync(
        HttpContext http, ListReleased useCase, [FromRoute(Name = "account_id")] string accountId, string? limit, string? cursor)
    {
        var paging = Query.Offset(limit, cursor);
        if (!paging.IsSuccess)
        {
            return ApiResults.Problem(paging.Error);
        }

        var page = await useCase.HandleAsync(Actor(http), accountId, paging.Value, http.RequestAborted);
        return ApiResults.Ok(page, p => new ReleasedNumberListDto([.. p.Items.Select(ReleasedNumberDto.Of)], Query.NextOffset(paging.Value, p)));
    }

    private static async Task<IResult> ListRequestsAsync(
        HttpContext http, ListRequests useCase, string? status, [FromQuery(Name = "account_id")] string? accountId, string? limit, string? cursor)
    {
        var parsedStatus = Query.Enum<ReleaseRequestStatus>("status", status);
        var paging = Query.Offset(limit, cursor);
        var invalid = parsedStatus.Error ?? paging.Error;
        if (invalid is not null)
        {
            return ApiResults.Problem(invalid);
        }

        var page = await useCase.HandleAsync(Actor(http), new RequestFilter(parsedStatus.Value, accountId), paging.Value, http.RequestAborted);
        return ApiResults.Ok(page, p => new ReleaseRequestListDto([.. p.Items.Select(ReleaseRequestDto.Of)], Query.NextOffset(paging.Value, p)));
    }

    private static async Task<IResult> WithdrawAsync(HttpContext http, WithdrawRequest useCase, string id) =>
        ApiResults.Ok(await useCase.HandleAsync(Actor(http), id, http.RequestAborted), ReleaseRequestDto.Of);

    private static async Task<IResult> ApproveAsync(HttpContext http, ApproveRequest useCase, string id) =>
        ApiResults.Ok(await useCase.HandleAsync(Actor(http), id, http.RequestAborted), ApprovalDto.Of);

    private static async Task<IResult> RejectAsync(HttpContext http, RejectRequest useCase, string id)
    {
        var body = await Body.ReadAsync<NoteBody>(http, "{\"note\": \"…\"}");
        if (!body.IsSuccess)
        {
            return ApiResults.Problem(body.Error);
        }

        return ApiResults.Ok(await useCase.HandleAsync(Actor(http), id, body.Value.Note, http.RequestAborted), ReleaseRequestDto.Of);
    }

    private static async Task<IResult> ListAuditAsync(
        HttpContext http, QueryAudit useCase, [FromQuery(Name = "account_id")] string? accountId, string? e164, string? limit, string? cursor)
    {
        var paging = Query.Offset(limit, cursor);
        if (!paging.IsSuccess)
        {
            return ApiResults.Problem(paging.Error);
        }

        var page = await useCase.HandleAsync(Actor(http), new AuditFilter(AccountId: accountId, E164: e164), paging.Value, http.RequestAborted);
        return ApiResults.Ok(page, p => new AuditEventListDto([.. p.Items.Select(AuditEventDto.Of)], Query.NextOffset(paging.Value, p)));
    }

    /// <summary>The HTTP methods of the API routes whose pattern matches the request's path.</summary>
    public static IReadOnlyList<string> MethodsFor(HttpContext http)
    {
        var parser = http.RequestServices.GetRequiredService<LinkParser>();
        return [.. http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && parser.ParsePathByEndpointName(name.EndpointName, http.Request.Path) is not null)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct()];
    }

    private static Actor Actor(HttpContext http) => CurrentActor.From(http.User);

    private static RouteHandlerBuilder ProducesEnvelope(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ErrorEnvelope>(status);
        }

        return builder;
    }

    /// <summary>Documents the values a text query parameter accepts, as the API spells them.</summary>
    private static RouteHandlerBuilder WithQueryValues<T>(this RouteHandlerBuilder builder, string parameter)
        where T : struct, System.Enum =>
        builder.WithMetadata(new QueryValuesDoc(parameter, [.. System.Enum.GetNames<T>().Select(Query.Snake)]));

    /// <summary>
    /// Documents a JSON body of one text property. Not <c>Accepts</c>: that makes routing skip the endpoint for a request
    /// without a JSON content type, which then reads as "no such endpoint" instead of the body's own clear error.
    /// </summary>
    private static RouteHandlerBuilder WithTextBody(this RouteHandlerBuilder builder, string property, string description, string example) =>
        builder.WithMetadata(new TextBodyDoc(property, description, example));

    private static RouteGroupBuilder ProducesEnvelope(this RouteGroupBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]));
        }

        return builder;
    }

    /// <summary>Query parameters, refused with INVALID_PARAMETER rather than ignored when they make no sense.</summary>
    private static class Query
    {
        public static Result<T?> Enum<T>(string name, string? value)
            where T : struct, System.Enum
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Result<T?>.Success(null);
            }

            var names = System.Enum.GetNames<T>();
            var match = names.FirstOrDefault(n => string.Equals(n, value.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            return match is not null
                ? Result<T?>.Success(System.Enum.Parse<T>(match))
                : Invalid(name, $"'{value}' is not one of: {string.Join(", ", names.Select(Snake))}");
        }

        public static Result<int> Limit(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Paging.DefaultTake;
            }

            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= Paging.MaxTake
                ? limit
                : Invalid("limit", $"must be a whole number from 1 to {Paging.MaxTake}");
        }

        public static Result<Paging> Offset(string? limit, string? cursor)
        {
            var take = Limit(limit);
            if (!take.IsSuccess)
            {
                return take.Error;
            }

            if (cursor is null)
            {
                return new Paging(Take: take.Value);
            }

            return Cursor.TryDecode(cursor, out var kind, out var offset) && kind == "offset" && int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
                ? new Paging(Skip: skip, Take: take.Value)
                : Errors.Cursor();
        }

        public static string? NextOffset<T>(Paging paging, Page<T> page) =>
            paging.Skip + page.Items.Count < page.TotalCount ? Cursor.Encode("offset", (paging.Skip + page.Items.Count).ToString(CultureInfo.InvariantCulture)) : null;

        private static Error Invalid(string name, string problem) => new(
            ApiResults.InvalidParameter, $"The query parameter '{name}' {problem}", "Correct the parameter as the message says, or leave it out");

        public static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
    }

    /// <summary>JSON bodies, with a clear error for a missing or malformed one.</summary>
    private static class Body
    {
        public static async Task<Result<T>> ReadAsync<T>(HttpContext http, string example)
            where T : class
        {
            if (http.Request.ContentLength == 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType()))
            {
                return Refused("The request body is missing", example);
            }

            if (!http.Request.HasJsonContentType())
            {
                return Refused("The request body must be sent as application/json", example);
            }

            try
            {
                return await http.Request.ReadFromJsonAsync<T>(http.RequestAborted) is { } body ? body : Refused("The request body must be a JSON object", example);
            }
            catch (System.Text.Json.JsonException ex)
            {
                var where = ex.Path is { Length: > 2 } path ? $" at {path[2..]}" : string.Empty;
                return Refused($"The request body is not the expected JSON{where}", example);
            }
            catch (InvalidOperationException)
            {
                return Refused("The request body is not in a character set the API reads; send UTF-8", example);
            }
            catch (BadHttpRequestException)
            {
                return Refused("The request body could not be read in full", example);
            }
        }

        private static Error Refused(string problem, string example) => new(
            ApiResults.InvalidParameter, problem, $"Send Content-Type: application/json with a body such as {example}");
    }
}
