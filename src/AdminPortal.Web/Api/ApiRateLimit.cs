using System.Globalization;
using System.Security.Claims;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Throttling;

namespace AdminPortal.Web.Api;

/// <summary>
/// Each API key may make <c>Api:RateLimitPerMinute</c> calls per clock minute, counted in the database so that several
/// portal instances share one budget. Runs before the idempotency check, so a refused call claims no key.
/// </summary>
public sealed partial class ApiRateLimitMiddleware(RequestDelegate next, WindowCounter counter, IConfiguration configuration, ILogger<ApiRateLimitMiddleware> logger)
{
    /// <summary>Marks the endpoints that draw on the budget.</summary>
    public sealed class Counted;

    private readonly int _perMinute = configuration.GetValue("Api:RateLimitPerMinute", 600);

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<Counted>() is null || http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) is not { } keyId)
        {
            await next(http);
            return;
        }

        int calls;
        try
        {
            calls = await counter.CountAsync("api/key/" + keyId, minutes: 1, http.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A budget that cannot be counted (the database busy or away) does not refuse the call: the call itself says
            // whether the database answers.
            LogUncounted(ex);
            calls = 0;
        }

        if (calls <= _perMinute)
        {
            await next(http);
            return;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(counter.LeftInMinute().TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiResults.WriteAsync(http, new Error(
            Errors.RateLimited,
            $"This API key made more than {_perMinute} calls in a minute",
            $"Wait {seconds} seconds (Retry-After) before the next call, and pace the calls below {_perMinute} a minute"));
    }

    [LoggerMessage(LogLevel.Warning, "An API call could not be counted against its key's budget; it went through")]
    private partial void LogUncounted(Exception ex);
}
