using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>Journey 1: an owner previews a release, detaches the agent and requests the release.</summary>
public sealed class OwnerReleaseJourney(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    private const string Number = "+14155551234";

    [Fact]
    public async Task Owner_detaches_the_agent_and_requests_a_release_that_then_waits_in_my_requests()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.OpenNumberFromGridAsync(Number);

        await Expect(Page.GetByTestId("fee")).ToHaveTextAsync("$25.00");
        await Expect(Page.GetByTestId("warning").First).ToContainTextAsync("purchased less than 3 months ago");
        var blocker = Page.GetByTestId("blocker");
        await Expect(blocker).ToContainTextAsync("NUMBER_IN_USE");
        await Expect(blocker).ToContainTextAsync("Detach the agent (Support Bot)");
        await Expect(Page.GetByTestId("request-release")).ToBeDisabledAsync();
        await ReadmeScreenshotAsync(Page, "number-detail");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Detach Support Bot" }).ClickAsync();
        await Page.ConfirmAsync("Detach", "Support Bot");
        await Page.ExpectNotificationAsync("Support Bot was detached");
        await Expect(Page.GetByTestId("blocker")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("no-agents")).ToBeVisibleAsync();

        await Page.GetByTestId("request-release").ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        var reason = dialog.GetByLabel("Reason for the release");
        await reason.FillAsync("Too short");
        await Expect(dialog.GetByTestId("prompt-count")).ToHaveTextAsync("9 / 500");
        await Expect(dialog.GetByTestId("prompt-submit")).ToBeDisabledAsync();
        await Expect(dialog).ToContainTextAsync("At least 10 characters (1 more).");

        await reason.FillAsync("We moved support to the new toll-free number.");
        await Expect(dialog.GetByTestId("prompt-count")).ToHaveTextAsync("45 / 500");
        await dialog.GetByTestId("prompt-submit").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Page.ExpectNotificationAsync($"Release of {Number} requested");
        await Expect(Page.GetByTestId("number-e164")).ToContainTextAsync("Release pending");

        await Page.NavigateByMenuAsync("My requests");
        var row = Page.GridRow("requests-grid", Number);
        await Expect(row).ToContainTextAsync("Pending");
        await Expect(row).ToContainTextAsync("We moved support to the new toll-free number.");
    }

    [Fact]
    public async Task Owner_withdraws_a_pending_request_and_the_number_is_active_again()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.NavigateByMenuAsync("My requests");
        var row = Page.GridRow("requests-grid", "+14155550103");
        await row.GetByTestId("withdraw").ClickAsync();
        await Page.ConfirmAsync("Withdraw", "+14155550103", "stays active");

        await Page.ExpectNotificationAsync("was withdrawn");
        await Expect(row).ToContainTextAsync("Withdrawn");
        await row.GetByRole(AriaRole.Link, new() { Name = "+14155550103" }).ClickAsync();
        await Expect(Page.GetByTestId("number-e164")).ToContainTextAsync("Active");
    }
}
