using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>A reviewer adds a passkey and signs in with it alone, in Chromium with a virtual authenticator (a device with a screen lock).</summary>
public sealed class PasskeyJourney(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    [Fact]
    public async Task A_reviewer_signs_in_with_a_passkey_alone_reaches_the_staff_pages_and_a_removed_passkey_no_longer_works()
    {
        // A passkey belongs to a domain name; browsers refuse an IP address such as 127.0.0.1.
        var page = await NewPageAsync("localhost");
        await AddAuthenticatorAsync(page);
        await page.SignInAndWaitAsync(Demo.Reviewer);

        await page.GotoAsync("/Account/Passkeys");
        await Expect(page.GetByTestId("no-passkeys")).ToBeVisibleAsync();
        await page.GetByLabel("Name of the new passkey").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.GetByTestId("passkey-message")).ToContainTextAsync("The passkey Test laptop is added");
        await Expect(page.GetByTestId("passkeys")).ToContainTextAsync("Test laptop");

        await SignOutAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.OpenAsync("/review");
        await Expect(page.GetByTestId("review-grid")).ToBeVisibleAsync();

        await page.GotoAsync("/Account/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove the passkey Test laptop" }).ClickAsync();
        await Expect(page.GetByTestId("passkey-message")).ToContainTextAsync("The passkey Test laptop is removed");
        await SignOutAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("That passkey was not accepted");
    }

    private static async Task AddAuthenticatorAsync(IPage page)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.OpenAsync("/numbers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeVisibleAsync();
    }
}
