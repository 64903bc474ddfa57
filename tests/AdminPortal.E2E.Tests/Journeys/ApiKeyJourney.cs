using System.Text.Json;
using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>An owner automates: creates an API key in the browser, calls the API with it, then revokes it.</summary>
public sealed class ApiKeyJourney(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    [Fact]
    public async Task Owner_creates_a_key_uses_it_over_HTTP_within_its_accounts_and_a_revoked_key_is_refused()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.NavigateByMenuAsync("API keys");
        await Page.GetByLabel("Name of the new key").FillAsync("billing sync");
        await Page.GetByTestId("create-key").ClickAsync();
        var secret = (await Page.GetByTestId("new-key").Locator("pre").InnerTextAsync()).Trim();
        Assert.StartsWith("nrp_", secret);

        var own = await GetAsync(secret, "accounts/acc_123abc/numbers/14155551234");
        Assert.Equal(200, own.Status);
        Assert.Equal("+14155551234", (await own.JsonAsync())?.GetProperty("e164").GetString());
        var foreign = await GetAsync(secret, "accounts/acc_789ghi/numbers");
        Assert.Equal(404, foreign.Status);
        Assert.Equal("ACCOUNT_NOT_FOUND", Code(await foreign.JsonAsync()));

        await Page.GridRow("keys-grid", "billing sync").GetByTestId("revoke-key").ClickAsync();
        await Page.ConfirmAsync("Revoke", "billing sync");
        await Expect(Page.GridRow("keys-grid", "billing sync")).ToContainTextAsync("Revoked");

        var revoked = await GetAsync(secret, "accounts/acc_123abc/numbers/14155551234");
        Assert.Equal(401, revoked.Status);
        Assert.Equal("UNAUTHENTICATED", Code(await revoked.JsonAsync()));
    }

    private Task<IAPIResponse> GetAsync(string key, string path) =>
        Page.APIRequest.GetAsync($"api/v1/{path}", new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {key}" } });

    private static string? Code(JsonElement? body) => body?.GetProperty("error").GetProperty("code").GetString();
}
