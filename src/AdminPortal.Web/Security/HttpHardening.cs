using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Security;

/// <summary>What every answer carries and what every request must be: headers, HTTPS, the proxy in front, the hub's origin.</summary>
public static class HttpHardening
{
    /// <summary>
    /// Scripts only from the portal itself. Styles allow inline because MudBlazor writes its theme and component sizes as
    /// style attributes; nothing else is inline. The interactive connection is a same-origin WebSocket ('self').
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static IServiceCollection AddPortalHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.ForwardLimit = 1;
            // Host filtering runs before this middleware: a forwarded host must pass the same list, or links built from it
            // (invitations) could name any site.
            var hosts = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (!hosts.Contains("*"))
            {
                foreach (var host in hosts)
                {
                    forwarded.AllowedHosts.Add(host);
                }
            }

            foreach (var proxy in security.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return services;
    }

    public static void UsePortalHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Health probes come from the load balancer to the instance itself, over plain HTTP; they carry no user data.
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }

        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // same-origin rather than no-referrer: the portal's own form posts keep their Origin header, which passkeys are checked against.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            return next(http);
        });

        var allowed = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowedOrigins;
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/_blazor"), hub => hub.Use((http, next) =>
        {
            // A page of another origin must not open a circuit with the user's cookie (cross-site WebSocket hijacking).
            // Without Origin the caller is not a browser, which could not have used the cookie across sites anyway.
            var origins = http.Request.Headers.Origin;
            if (origins.Count > 1 || (origins is [{ } origin] && !IsAllowed(origin, http, allowed)))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(http);
        }));
    }

    private static bool IsAllowed(string origin, HttpContext http, string[] allowed) =>
        allowed.Length == 0
            ? string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase)
            : allowed.Any(a => string.Equals(origin, a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
