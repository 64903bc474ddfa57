using System.Text.Json;
using System.Text.Json.Serialization;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Api;

public static class ApiServices
{
    public const string Policy = "Api";

    /// <summary>
    /// Picks the API key handler for a call under /api with a bearer token, the sign-in cookie otherwise: a key never signs
    /// its holder in to the pages, whose account settings (second step, passkeys, recovery codes) ask for a person.
    /// </summary>
    public const string SelectingScheme = "CookieOrApiKey";

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(SelectingScheme, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") && ApiKeyAuthenticationHandler.HasBearer(http.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(PortalRoles.All));

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
                if (HttpMethods.IsHead(http.Request.Method))
                {
                    // Kestrel drops a HEAD answer's body by itself; other servers (the test host) may not.
                    http.Response.Body = Stream.Null;
                }

                return next(http);
            });
            branch.UseApiBodyLimit();
        });

    /// <summary>After authentication and authorization: rate limits count only callers with a valid key.</summary>
    public static void UsePortalApi(this WebApplication app)
    {
        app.UseMiddleware<ApiRateLimitMiddleware>();
        app.UseWhen(
            http => HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseMiddleware<IdempotencyMiddleware>());
        app.MapOpenApi();
        app.MapPortalApi();
    }
}
