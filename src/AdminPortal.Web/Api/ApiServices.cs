using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace AdminPortal.Web.Api;

public static class ApiServices
{
    public const string Policy = "Api";
    public const string RateLimitPolicy = "PerApiKey";

    /// <summary>Picks the API key handler for a request with a bearer token, the sign-in cookie otherwise.</summary>
    public const string SelectingScheme = "CookieOrApiKey";

    public static IServiceCollection AddPortalApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(SelectingScheme, null, o => o.ForwardDefaultSelector = http =>
                ApiKeyAuthenticationHandler.HasBearer(http.Request) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(PortalRoles.All));

        var perMinute = configuration.GetValue("Api:RateLimitPerMinute", 600);
        services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? string.Empty,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limits.OnRejected = (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(ApiResults.WriteAsync(rejected.HttpContext, new Error(
                    Errors.RateLimited,
                    $"This API key made more than {perMinute} calls in a minute",
                    $"Wait {seconds} seconds (Retry-After) before the next call, and pace the calls below {perMinute} a minute")));
            };
        });

        services.AddPortalOpenApi();
        return services;
    }

    /// <summary>
    /// Before authentication, so that every answer under /api is the envelope: a fault anywhere (the key lookup included)
    /// and the answers routing gives without a body (no such path, another method).
    /// </summary>
    public static void UsePortalApiErrors(this WebApplication app) => app.UseWhen(
        http => http.Request.Path.StartsWithSegments("/api"),
        branch =>
        {
            branch.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = http => ApiResults.WriteAsync(http, new Error(
                    Errors.InternalError,
                    "The portal failed to handle this call",
                    "Check the item's current state before trying again; if it keeps failing, contact support and quote the tracking id")),
            });
            branch.UseStatusCodePages(context => ApiResults.WriteAsync(context.HttpContext, ApiResults.WithoutBody(context.HttpContext)));
            branch.Use((http, next) =>
            {
                // Answers carry a user's data: no browser or proxy keeps them.
                http.Response.Headers.CacheControl = "no-store";
                return next(http);
            });
            branch.UseApiBodyLimit();
        });

    /// <summary>After authentication and authorization: rate limits count only callers with a valid key.</summary>
    public static void UsePortalApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseWhen(
            http => HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseMiddleware<IdempotencyMiddleware>());
        app.MapOpenApi();
        app.MapPortalApi();
    }
}
