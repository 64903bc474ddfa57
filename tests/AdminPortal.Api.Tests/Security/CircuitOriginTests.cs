namespace AdminPortal.Api.Tests.Security;

/// <summary>Cross-site WebSocket hijacking: only the portal's own pages may open a circuit with the user's cookie.</summary>
public sealed class CircuitOriginTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_negotiation_from_another_origin_is_refused_with_403()
    {
        using var response = await NegotiateAsync(host.Browser(), "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_negotiation_from_the_portals_own_origin_or_without_an_origin_is_answered()
    {
        using var own = await NegotiateAsync(host.Browser(), "https://localhost");
        using var none = await NegotiateAsync(host.Browser(), null);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
    }

    [Fact]
    public async Task A_WebSocket_upgrade_from_another_origin_is_refused_with_403()
    {
        var client = host.Factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = "http://evil.example";

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(new Uri("ws://localhost/_blazor?id=anything"), Ct));

        Assert.Contains("403", refused.Message);
    }

    [Fact]
    public async Task Configured_origins_replace_the_served_one()
    {
        await using var proxied = await ApiHost.StartAsync(new() { ["Security:AllowedOrigins:0"] = "https://portal.example.com" });

        using var configured = await NegotiateAsync(proxied.Browser(), "https://portal.example.com");
        using var served = await NegotiateAsync(proxied.Browser(), "https://localhost");

        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, served.StatusCode);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient browser, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await browser.SendAsync(request, Ct);
    }
}
