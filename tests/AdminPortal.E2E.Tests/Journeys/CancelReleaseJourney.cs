using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>Journey 3: a mistaken release is cancelled during cooling-off and the number gets its configuration back.</summary>
public sealed class CancelReleaseJourney(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    [Fact]
    public async Task Reviewer_cancels_a_release_and_the_number_is_active_with_its_trunk_group_and_routing()
    {
        await Page.SignInAndWaitAsync(Demo.Reviewer);
        await Page.NavigateByMenuAsync("Released");
        var row = Page.GridRow("released-grid", "+14155550106");
        await Expect(row.GetByTestId("countdown")).ToContainTextAsync("d");

        await row.GetByTestId("cancel-release").ClickAsync();
        await Page.ConfirmAsync("Cancel release", "tg-sfo-2", "sip:ivr@acme.example", "$25.00");
        await Page.ExpectNotificationAsync("The release of +14155550106 was cancelled");

        await ExpectRestoredAsync("+14155550106", "tg-sfo-2", "sip:ivr@acme.example");
    }

    [Fact]
    public async Task Owner_cancels_a_release_of_its_own_account_from_the_number_page()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.NavigateByMenuAsync("Released");
        await Page.GridRow("released-grid", "+14155550107").GetByRole(AriaRole.Link, new() { Name = "+14155550107" }).ClickAsync();
        await Expect(Page.GetByTestId("release-window")).ToContainTextAsync("left to cancel");

        await Page.GetByTestId("cancel-release").ClickAsync();
        await Page.ConfirmAsync("Cancel release", "tg-sfo-1", "sip:winter@acme.example");
        await Page.ExpectNotificationAsync("The release of +14155550107 was cancelled");

        await Expect(Page.GetByTestId("number-e164")).ToContainTextAsync("Active");
        await Expect(Page.GetByTestId("trunk-group")).ToHaveTextAsync("tg-sfo-1");
        await Expect(Page.GetByTestId("inbound-routing")).ToHaveTextAsync("sip:winter@acme.example");
        await Expect(Page.GetByTestId("history-entry").First).ToContainTextAsync("Release cancelled");
    }

    private async Task ExpectRestoredAsync(string e164, string trunkGroup, string routing)
    {
        await Page.NavigateByMenuAsync("Numbers");
        await Page.OpenNumberFromGridAsync(e164);
        await Expect(Page.GetByTestId("number-e164")).ToContainTextAsync("Active");
        await Expect(Page.GetByTestId("trunk-group")).ToHaveTextAsync(trunkGroup);
        await Expect(Page.GetByTestId("inbound-routing")).ToHaveTextAsync(routing);
    }
}
