using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>The owner's bell, open in one browser, counts up while a reviewer decides in another (this portal's worker runs every second).</summary>
public sealed class NotificationJourney(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    [Fact]
    public async Task The_owners_bell_counts_up_without_a_reload_while_a_reviewer_approves_elsewhere()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.OpenAsync("/numbers");
        var before = int.Parse(await Page.GetByTestId("unread-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var reviewer = await NewPageAsync();
        await reviewer.SignInAndWaitAsync(Demo.Reviewer);
        await reviewer.OpenAsync("/review");
        await reviewer.GridRow("review-grid", "+14155550103").GetByTestId("approve").ClickAsync();
        await reviewer.ConfirmAsync("Approve", "+14155550103");
        await reviewer.ExpectNotificationAsync("+14155550103");

        await Expect(Page.GetByTestId("unread-count")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Page.GetByTestId("bell")).ToHaveAttributeAsync("aria-label", $"Notifications: {before + 1} unread");
        var badge = await Page.Locator(".bell .mud-badge").BoundingBoxAsync();
        Assert.True(badge is { Y: >= 0 }, $"The count's badge starts {badge?.Y} px from the top of the window: it is cut off");
        await Page.GetByTestId("bell").ClickAsync();
        await Expect(Page.GetByTestId("notification").First).ToContainTextAsync("The release of +14155550103 was approved by reviewer@example.com");
    }
}
