using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Common;

namespace AdminPortal.Web.Api;

/// <summary>Service results as HTTP answers: the value as JSON, or the error envelope with the code's status.</summary>
public static class ApiResults
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string NotFound = "NOT_FOUND";
    public const string InternalError = "INTERNAL_ERROR";

    private static readonly Dictionary<string, int> Statuses = new()
    {
        [Errors.ReasonLength] = 400,
        [Errors.NoteLength] = 400,
        [Errors.InvalidE164] = 400,
        [Errors.InvalidCursor] = 400,
        [InvalidParameter] = 400,
        [ApiKeyErrors.NameLength] = 400,
        [Unauthenticated] = 401,
        [Errors.StaffOnly] = 403,
        [Errors.SelfApprovalForbidden] = 403,
        [Errors.NotRequester] = 403,
        [Forbidden] = 403,
        [Errors.NumberNotFound] = 404,
        [Errors.RequestNotFound] = 404,
        [Errors.AccountNotFound] = 404,
        [Errors.AgentNotFound] = 404,
        [ApiKeyErrors.NotFound] = 404,
        [NotFound] = 404,
        [Errors.ReleaseAlreadyPending] = 409,
        [Errors.ActiveCampaign] = 409,
        [Errors.NotReleasable] = 409,
        [Errors.RequestAlreadyDecided] = 409,
        [Errors.CoolingOffExpired] = 409,
        [Errors.ConcurrentUpdate] = 409,
        [ApiKeyErrors.AlreadyRevoked] = 409,
        [Errors.NumberInUse] = 422,
        [Errors.CallsInProgress] = 422,
        [IdempotencyKeyReused] = 422,
        [RateLimited] = 429,
        [InternalError] = 500,
    };

    public static int StatusOf(string code) => Statuses.GetValueOrDefault(code, StatusCodes.Status400BadRequest);

    public static IResult Problem(Error error) => new ErrorResult(error);

    public static IResult Ok<T>(Result<T> result, Func<T, object> shape, int status = StatusCodes.Status200OK) =>
        result.IsSuccess ? Results.Json(shape(result.Value), statusCode: status) : Problem(result.Error);

    public static IResult NoContent<T>(Result<T> result) => result.IsSuccess ? Results.NoContent() : Problem(result.Error);

    /// <summary>Writes the envelope; its tracking id is the request id the logs carry, so a support ticket quoting it finds the request.</summary>
    public static Task WriteAsync(HttpContext http, Error error)
    {
        http.Response.StatusCode = StatusOf(error.Code);
        var envelope = new ErrorEnvelope("trk_" + http.TraceIdentifier.Replace(':', '_'), new ErrorBody(error.Code, error.Message, error.Fix));
        return http.Response.WriteAsJsonAsync(envelope, http.RequestAborted);
    }

    private sealed class ErrorResult(Error error) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusOf(error.Code);

        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, error);
    }
}
