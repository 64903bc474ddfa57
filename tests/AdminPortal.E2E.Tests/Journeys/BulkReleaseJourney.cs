using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>An owner releases 20 numbers as one batch and a reviewer decides the batch; every number answers for itself.</summary>
public sealed class BulkReleaseJourney(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    /// <summary>Demo numbers of Acme Voice with no blocker and no second reviewer needed, and two with an agent attached.</summary>
    private static readonly string[] Free =
    [
        "+14155560002", "+14155560003", "+14155560005", "+14155560007", "+14155560009", "+14155560010", "+14155560013", "+14155560014", "+14155560015",
        "+14155560017", "+14155560019", "+14155560022", "+14155560023", "+14155560025", "+14155560030", "+14155560033", "+14155560034", "+14155560037",
    ];

    private static readonly string[] WithAgents = ["+14155560011", "+14155560021"];

    [Fact]
    public async Task An_owner_previews_20_numbers_detaches_the_2_blocked_and_submits_and_a_reviewer_approves_the_batch_with_one_number_refused()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.OpenAsync("/bulk-release");
        await Page.GetByTestId("bulk-account").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Acme Voice (acc_123abc)" }).ClickAsync();
        // The choice reaches the server before the list does: a preview of the first account's numbers would find none.
        await Expect(Page.Locator("#bulk-account")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("acc_123abc"));
        await Page.GetByLabel("Numbers: one per line, or comma-separated (E.164)").FillAsync(string.Join("\n", [.. Free, .. WithAgents]));
        await Page.GetByTestId("bulk-preview").ClickAsync();

        await Expect(Page.GetByTestId("bulk-summary")).ToContainTextAsync("18 can go");
        await Expect(Page.GetByTestId("bulk-summary")).ToContainTextAsync("2 blocked: 2 × NUMBER_IN_USE");
        await Expect(Page.GetByTestId("verdict")).ToHaveCountAsync(20);
        await Page.GetByTestId("detach-all").ClickAsync();
        await Page.ConfirmAsync("Detach all", "2 numbers");
        await Expect(Page.GetByTestId("bulk-summary")).ToContainTextAsync("20 can go");

        await Page.GetByLabel("Reason for the release (all of these numbers)").FillAsync("The Oakland office closed; none of these lines is used any more.");
        await Page.GetByTestId("bulk-request").ClickAsync();
        await Expect(Page.GetByTestId("bulk-result")).ToContainTextAsync("20 release requests made");

        // The owner thinks better of one number before the reviewer gets to the batch.
        await Page.OpenAsync("/requests");
        await Page.GridRow("requests-grid", Free[0]).GetByTestId("withdraw").ClickAsync();
        await Page.ConfirmAsync("Withdraw", Free[0]);
        await Page.ExpectNotificationAsync("was withdrawn");

        var reviewer = await NewPageAsync();
        await reviewer.SignInAndWaitAsync(Demo.Reviewer);
        await reviewer.OpenAsync("/review");
        var batch = reviewer.GetByTestId("review-batch");
        await Expect(batch).ToContainTextAsync("19 numbers");
        await batch.GetByText("19 numbers").ClickAsync();
        await batch.GetByTestId("approve-batch").ClickAsync();
        await reviewer.ConfirmAsync("Approve batch", "19 numbers");
        await Expect(reviewer.GetByTestId("review-batch")).ToHaveCountAsync(0);
        await reviewer.ExpectNotificationAsync("19 numbers approved, 1 not");

        await Page.OpenAsync("/requests");
        await Expect(Page.GridRow("requests-grid", Free[0])).ToContainTextAsync("Withdrawn");
        foreach (var number in new[] { Free[1], WithAgents[0], Free[^1] })
        {
            await Expect(Page.GridRow("requests-grid", number)).ToContainTextAsync("Approved");
        }
    }
}
