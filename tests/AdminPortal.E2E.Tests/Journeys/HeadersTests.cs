using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>The Content-Security-Policy holds for every page in a real browser, and the server says no more than it must.</summary>
public sealed class HeadersTests(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    /// <summary>Records every policy violation the browser reports, from the first script of each page on.</summary>
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Theory]
    [InlineData(Demo.Owner, new[] { "/numbers", "/requests", "/bulk-release", "/released", "/dashboard", "/api-keys", "/accounts", "/notifications", "/webhooks", "/Account/TwoFactor", "/Account/Password", "/Account/Passkeys" })]
    [InlineData(Demo.Reviewer, new[] { "/review", "/audit", "/numbers", "/released", "/dashboard", "/no-such-page", "/Account/TwoFactor" })]
    [InlineData(Demo.Admin, new[] { "/admin/users", "/admin/accounts", "/admin/outbox" })]
    public async Task Every_page_loads_and_works_without_a_single_Content_Security_Policy_violation(string user, string[] paths)
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await Page.AddInitScriptAsync(ViolationRecorder);

        await Page.SignInAndWaitAsync(user);
        foreach (var path in paths)
        {
            // The account pages and the not-found page are plain pages, without the interactive connection.
            await (path.StartsWith("/Account/", StringComparison.Ordinal) || path == "/no-such-page" ? Page.GotoAsync(path) : Page.OpenAsync(path));
            await Expect(Page.Locator("h1")).ToBeVisibleAsync();
            violations.AddRange(await Page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        }

        await Page.OpenAsync(paths[0]);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();
        violations.AddRange(await Page.EvaluateAsync<string[]>("() => window.__cspViolations"));

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Pages_and_API_answers_carry_the_security_headers_and_no_Server_header()
    {
        var page = await Page.APIRequest.GetAsync("Account/Login");
        var api = await Page.APIRequest.GetAsync("api/v1/release-requests", new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Demo.OwnerApiKey}" } });

        foreach (var response in new[] { page, api })
        {
            var headers = response.Headers;
            Assert.Contains("default-src 'self'", headers["content-security-policy"]);
            Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
            Assert.Contains("base-uri 'self'", headers["content-security-policy"]);
            Assert.Contains("form-action 'self'", headers["content-security-policy"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("same-origin", headers["referrer-policy"]);
            Assert.Contains("camera=()", headers["permissions-policy"]);
            Assert.False(headers.ContainsKey("server"));
        }

        Assert.Equal("no-store", api.Headers["cache-control"]);
    }
}
