using System.Text.RegularExpressions;
using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>An administrator brings a new owner in and later turns them off (sessions checked every 2 s by this portal).</summary>
public sealed partial class AdministrationJourney(QuickSessionCheckPortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<QuickSessionCheckPortalServer>
{
    private const string Invitee = "new.owner@example.com";
    private const string Password = "a passphrase for the new owner";

    [Fact]
    public async Task An_invited_owner_sets_a_password_sees_only_their_account_and_is_signed_out_when_disabled()
    {
        await Page.SignInAndWaitAsync(Demo.Admin);
        await Page.OpenAsync("/admin/users");
        await Page.GetByLabel("E-mail address").FillAsync(Invitee);
        await Page.GetByTestId("invite-accounts").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Acme Europe (acc_456def)" }).ClickAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Page.GetByTestId("invite").ClickAsync();
        await Page.ExpectNotificationAsync($"{Invitee} is invited");

        await Page.OpenAsync("/admin/outbox");
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Show the link for {Invitee}" }).ClickAsync();
        await Page.ConfirmAsync("Show link", "shown once");
        var link = (await Page.GetByTestId("link").InnerTextAsync()).Trim();

        var invitee = await NewPageAsync();
        await invitee.GotoAsync(link);
        await invitee.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await invitee.GetByLabel("Password again").FillAsync(Password);
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(invitee.GetByText("Your password is set")).ToBeVisibleAsync();
        await invitee.SignInAsync(Invitee, Password);
        await invitee.WaitForInteractiveAsync();
        await invitee.OpenAsync("/numbers");
        // A row with a number, not the grid's loading or empty row.
        await Expect(invitee.GetByTestId("numbers-grid").Locator("tbody tr a.number-link").First).ToBeVisibleAsync();
        var numbers = await invitee.GetByTestId("numbers-grid").Locator("tbody tr a.number-link").AllInnerTextsAsync();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Matches(EuropeanNumber(), n));

        await Page.OpenAsync("/admin/users");
        var row = Page.GetByTestId("users-grid").Locator("tbody tr").Filter(new() { HasText = Invitee });
        await row.GetByTestId("user-actions").ClickAsync();
        await Page.GetByRole(AriaRole.Menuitem, new() { Name = "Disable" }).ClickAsync();
        await Page.ConfirmAsync("Disable", Invitee);

        await Expect(invitee).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(invitee.GetByTestId("numbers-grid")).ToHaveCountAsync(0);
    }

    /// <summary>acc_456def (Acme Europe) rents London and Berlin numbers only.</summary>
    [GeneratedRegex(@"^\+4[49]")]
    private static partial Regex EuropeanNumber();
}
