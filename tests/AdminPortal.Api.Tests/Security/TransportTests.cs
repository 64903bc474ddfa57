using Microsoft.AspNetCore.Http;

namespace AdminPortal.Api.Tests.Security;

/// <summary>Outside Development: HTTPS only, remembered by the browser, cookies that never travel in the clear.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_carry_a_year_of_HSTS()
    {
        // HSTS is never sent to localhost, whose HTTPS a developer may not have: the portal is served under its real name here.
        await using var host = await ProductionAsync(new() { ["AllowedHosts"] = "portal.example.com" });

        using var plain = await host.Browser("http://portal.example.com").GetAsync("/Account/Login", Ct);
        using var secure = await host.Browser("https://portal.example.com").GetAsync("/Account/Login", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://portal.example.com/Account/Login", plain.Headers.Location?.ToString());
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task A_host_name_the_portal_is_not_configured_for_gets_400()
    {
        await using var host = await ApiHost.StartAsync([]);

        using var foreign = await host.Browser("https://evil.example").GetAsync("/Account/Login", Ct);
        using var own = await host.Browser("https://localhost").GetAsync("/Account/Login", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_a_secure_host_only_cookie_and_the_antiforgery_cookie_is_secure()
    {
        await using var host = await ProductionAsync();
        var browser = host.Browser();

        using var page = await browser.GetAsync("/Account/Login", Ct);
        using var signedIn = await browser.SignInAsync(Cast.OwnerEmail);

        var antiforgery = Cookie(page, "__Host-portal.af");
        var session = Cookie(signedIn, "__Host-portal.auth");
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_known_proxys_forwarded_HTTPS_is_believed_and_an_unknown_senders_is_not()
    {
        await using var host = await ProductionAsync(new() { ["Security:KnownProxies:0"] = "10.0.0.5" });

        var viaProxy = await SendAsync(host, "10.0.0.5");
        var direct = await SendAsync(host, "203.0.113.9");

        Assert.Equal(StatusCodes.Status200OK, viaProxy.Response.StatusCode);
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, direct.Response.StatusCode);
    }

    [Fact]
    public async Task A_host_forwarded_by_a_known_proxy_is_believed_only_when_it_is_one_of_the_allowed_hosts()
    {
        await using var host = await ProductionAsync(new() { ["Security:KnownProxies:0"] = "10.0.0.5" });

        var spoofed = await SendAsync(host, "10.0.0.5", forwardedHost: "portal.attacker.example");
        var allowed = await SendAsync(host, "10.0.0.5", forwardedHost: "127.0.0.1");

        Assert.Equal("localhost", spoofed.Request.Host.Host);
        Assert.Equal("127.0.0.1", allowed.Request.Host.Host);
    }

    [Fact]
    public async Task A_sign_out_without_its_antiforgery_token_is_refused_with_400_not_a_server_error()
    {
        await using var host = await ProductionAsync();
        var browser = host.Browser();
        using var _ = await browser.SignInAsync(Cast.OwnerEmail);

        using var response = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_are_never_kept_in_the_browser_s_cache_while_the_portal_s_assets_are()
    {
        await using var host = await ProductionAsync();
        var browser = host.Browser();
        using var _ = await browser.SignInAsync(Cast.OwnerEmail);

        using var signIn = await host.Browser().GetAsync("/Account/Login", Ct);
        using var numbers = await browser.GetAsync("/numbers", Ct);
        using var styles = await browser.GetAsync("/assets/portal.css", Ct);

        Assert.Equal(HttpStatusCode.OK, numbers.StatusCode);
        Assert.True(signIn.Headers.CacheControl?.NoStore);
        Assert.True(numbers.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
        Assert.False(styles.Headers.CacheControl?.NoStore ?? false);
    }

    private static Task<ApiHost> ProductionAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["https_port"] = "443";
        return ApiHost.StartAsync(settings, environment: "Production");
    }

    private static async Task<HttpContext> SendAsync(ApiHost host, string remoteAddress, string? forwardedHost = null) =>
        await host.Factory.Server.SendAsync(http =>
        {
            if (forwardedHost is not null)
            {
                http.Request.Headers["X-Forwarded-Host"] = forwardedHost;
            }

            http.Request.Method = "GET";
            http.Request.Path = "/Account/Login";
            http.Request.Host = new HostString("localhost");
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
            http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(remoteAddress);
        });

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal)) is { } cookie
            ? cookie
            : throw new Xunit.Sdk.XunitException($"No {name} cookie was set");
}
