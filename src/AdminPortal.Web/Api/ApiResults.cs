using AdminPortal.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace AdminPortal.Web.Api;

/// <summary>Service results as HTTP answers: the value as JSON, or the error envelope with the code's status.</summary>
public static class ApiResults
{
    private static readonly Dictionary<string, int> Statuses = new()
    {
        [Errors.ReasonLength] = 400,
        [Errors.NoteLength] = 400,
        [Errors.InvalidText] = 400,
        [Errors.InvalidE164] = 400,
        [Errors.InvalidCursor] = 400,
        [Errors.OffsetTooDeep] = 400,
        [Errors.InvalidParameter] = 400,
        [Errors.ApiKeyNameLength] = 400,
        [Errors.AccountNameLength] = 400,
        [Errors.InvalidEmail] = 400,
        [Errors.InvalidRole] = 400,
        [Errors.WeakPassword] = 400,
        [Errors.InvitationInvalid] = 400,
        [Errors.AdminOnly] = 403,
        [Errors.UserNotFound] = 404,
        [Errors.MessageNotFound] = 404,
        [Errors.EmailTaken] = 409,
        [Errors.LastAdmin] = 409,
        [Errors.LastOwner] = 409,
        [Errors.UserDisabled] = 409,
        [Errors.NotInvited] = 409,
        [Errors.OwnerHasAccounts] = 409,
        [Errors.UserNotAnOwner] = 409,
        [Errors.MailNotSent] = 502,
        [Errors.InvalidWebhookUrl] = 400,
        [Errors.WebhookAddressForbidden] = 400,
        [Errors.WebhookNotFound] = 404,
        [Errors.NotificationNotFound] = 404,
        [Errors.WebhookLimit] = 409,
        [Errors.WebhookExists] = 409,
        [Errors.WebhookTurnedOff] = 409,
        [Errors.DeliveryNotFound] = 404,
        [Errors.BatchTooLarge] = 400,
        [Errors.DuplicateNumber] = 400,
        [Errors.BatchNotFound] = 404,
        [Errors.SecondApprovalRequired] = 409,
        [Errors.BatchNotActionable] = 409,
        [Errors.Unauthenticated] = 401,
        [Errors.StaffOnly] = 403,
        [Errors.SelfApprovalForbidden] = 403,
        [Errors.NotRequester] = 403,
        [Errors.NotAnOwner] = 403,
        [Errors.Forbidden] = 403,
        [Errors.NumberNotFound] = 404,
        [Errors.RequestNotFound] = 404,
        [Errors.AccountNotFound] = 404,
        [Errors.AgentNotFound] = 404,
        [Errors.ApiKeyNotFound] = 404,
        [Errors.NotFound] = 404,
        [Errors.MethodNotAllowed] = 405,
        [Errors.ReleaseAlreadyPending] = 409,
        [Errors.ActiveCampaign] = 409,
        [Errors.NotReleasable] = 409,
        [Errors.RequestAlreadyDecided] = 409,
        [Errors.CoolingOffExpired] = 409,
        [Errors.ConcurrentUpdate] = 409,
        [Errors.ApiKeyRevoked] = 409,
        [Errors.ApiKeyLimit] = 409,
        [Errors.IdempotencyKeyInUse] = 409,
        [Errors.BodyTooLarge] = 413,
        [Errors.NumberInUse] = 422,
        [Errors.CallsInProgress] = 422,
        [Errors.IdempotencyKeyReused] = 422,
        [Errors.RateLimited] = 429,
        [Errors.InternalError] = 500,
    };

    public static int StatusOf(string code) => Statuses.GetValueOrDefault(code, StatusCodes.Status400BadRequest);

    /// <summary>
    /// The error for a status that the framework set without a body. Routing answers a path it does not know with 404 or
    /// 405 depending on the method (the static files' catch-all route takes part in matching), so the API's own routes
    /// decide: 405 with Allow when one matches the path with another method, 404 otherwise.
    /// </summary>
    public static Error WithoutBody(HttpContext http)
    {
        var status = http.Response.StatusCode;
        if (status is not (StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed))
        {
            var phrase = ReasonPhrases.GetReasonPhrase(status);
            return phrase.Length == 0
                ? new($"HTTP_{status}", $"The request was refused with HTTP status {status}", "See /openapi/v1.json for what the endpoint accepts")
                : new(phrase.ToUpperInvariant().Replace(' ', '_'), $"The request was refused: {phrase}", "See /openapi/v1.json for what the endpoint accepts");
        }

        var allowed = ApiEndpoints.MethodsFor(http);
        if (allowed.Count == 0)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return new(Errors.NotFound, "There is no such API endpoint", "See /openapi/v1.json for the endpoints and their methods");
        }

        http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        http.Response.Headers.Allow = string.Join(", ", allowed);
        return new(Errors.MethodNotAllowed, $"{http.Request.Method} is not allowed on this endpoint", $"Use {string.Join(" or ", allowed)}, as /openapi/v1.json lists");
    }

    public static ApiProblem Problem(Error error) => new(error);

    public static Results<Ok<TDto>, ApiProblem> Ok<T, TDto>(Result<T> result, Func<T, TDto> shape) =>
        result.IsSuccess ? TypedResults.Ok(shape(result.Value)) : Problem(result.Error);

    public static Results<Created<TDto>, ApiProblem> Created<T, TDto>(Result<T> result, Func<T, TDto> shape) =>
        result.IsSuccess ? TypedResults.Created((string?)null, shape(result.Value)) : Problem(result.Error);

    public static Results<NoContent, ApiProblem> NoContent<T>(Result<T> result) => result.IsSuccess ? TypedResults.NoContent() : Problem(result.Error);

    /// <summary>Writes the envelope; its tracking id is the request id the logs carry, so a support ticket quoting it finds the request.</summary>
    public static Task WriteAsync(HttpContext http, Error error)
    {
        http.Response.StatusCode = Statuses.TryGetValue(error.Code, out var status) ? status : Math.Max(http.Response.StatusCode, StatusCodes.Status400BadRequest);
        var envelope = new ErrorEnvelope("trk_" + http.TraceIdentifier.Replace(':', '_'), new ErrorBody(error.Code, error.Message, error.Fix));
        return http.Response.WriteAsJsonAsync(envelope, http.RequestAborted);
    }

}

/// <summary>A refusal as the error envelope, with the status its code has.</summary>
public sealed class ApiProblem(Error error) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => ApiResults.StatusOf(error.Code);

    public Task ExecuteAsync(HttpContext httpContext) => ApiResults.WriteAsync(httpContext, error);
}
