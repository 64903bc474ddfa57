using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>Journey 2: a reviewer works the queue: approves an owner's request and rejects another with a note.</summary>
public sealed class ReviewerDecisionJourney(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    private const string Requested = "+14155560002";
    private const string ToReject = "+14155550103";

    [Fact]
    public async Task Rows_of_the_review_queue_stay_in_place_while_it_reloads_after_a_change()
    {
        await Page.SignInAndWaitAsync(Demo.Reviewer);
        await Expect(Page.GetByTestId("review-grid").Locator("tbody tr").First).ToBeVisibleAsync();
        // At each change of the grid while its loading bar shows: where the rows start, and where they started at the
        // last change before it. (New rows may move them between reloads: a header wraps when the columns widen.)
        await Page.EvaluateAsync("""
            () => {
                const grid = document.querySelector('[data-testid=review-grid]');
                const top = () => grid.querySelector('tbody').getBoundingClientRect().top;
                let settled = top();
                window.rowTops = { loading: [] };
                new MutationObserver(() => {
                    if (grid.querySelector('.mud-table-loading')) {
                        window.rowTops.loading.push([settled, top()]);
                    } else {
                        settled = top();
                    }
                }).observe(grid, { childList: true, subtree: true });
            }
            """);

        // Another person's change reaches the queue through the change feed, which reloads it. When the reload's two
        // renders reach the browser in one message no frame shows the loading bar, so the owner changes the queue again.
        var owner = await NewPageAsync();
        await owner.SignInAndWaitAsync(Demo.Owner);
        await owner.OpenNumberFromGridAsync("+14155560003");
        for (var change = 0; change < 6 && !await Page.EvaluateAsync<bool>("() => window.rowTops.loading.length > 0"); change++)
        {
            if (change % 2 == 0)
            {
                await owner.RequestReleaseAsync("The front desk moved to the new building last month.");
            }
            else
            {
                await owner.GetByTestId("withdraw").ClickAsync();
                await owner.ConfirmAsync("Withdraw");
            }

            try
            {
                await Page.WaitForFunctionAsync("() => window.rowTops.loading.length > 0", null, new() { Timeout = 6_000 });
            }
            catch (TimeoutException)
            {
            }
        }

        var loading = await Page.EvaluateAsync<double[][]>("() => window.rowTops.loading");
        Assert.NotEmpty(loading);
        Assert.All(loading, tops => Assert.Equal(tops[0], tops[1], 0.5));
    }

    [Fact]
    public async Task Reviewer_approves_a_fresh_request_and_rejects_another_with_a_note()
    {
        var owner = await NewPageAsync();
        await owner.SignInAndWaitAsync(Demo.Owner);
        await owner.OpenNumberFromGridAsync(Requested);
        await owner.RequestReleaseAsync("The sales team no longer uses this line after the move.");

        await Page.SignInAndWaitAsync(Demo.Reviewer);
        await Expect(Page.Heading("Review queue")).ToBeVisibleAsync();
        var request = Page.GridRow("review-grid", Requested);
        await Expect(request).ToContainTextAsync("The sales team no longer uses this line after the move.");
        await Expect(request).ToContainTextAsync(Demo.Owner);
        await Expect(Page.GridRow("review-grid", "+18005550105").GetByTestId("own-request")).ToContainTextAsync("another reviewer must approve it");
        await ReadmeScreenshotAsync(Page, "review-queue");

        await request.GetByTestId("approve").ClickAsync();
        await Page.ConfirmAsync("Approve", Requested);
        await Page.ExpectNotificationAsync($"{Requested} is released; available to others after");
        await Expect(request).ToHaveCountAsync(0);

        var rejected = Page.GridRow("review-grid", ToReject);
        var dialog = Page.GetByRole(AriaRole.Dialog);
        // The queue reloads when the change feed reports the approval (within 2 s); a click that lands while the rows
        // are rendered again is lost, and a person clicks again.
        for (var attempt = 0; attempt < 3 && !await dialog.IsVisibleAsync(); attempt++)
        {
            await rejected.GetByTestId("reject").ClickAsync();
            try
            {
                await dialog.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
            }
        }

        await Expect(dialog.GetByTestId("prompt-submit")).ToBeDisabledAsync();
        await dialog.GetByLabel("Note to the requester").FillAsync("Fax line is still listed on the invoices; keep it until March.");
        await dialog.GetByTestId("prompt-submit").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Page.ExpectNotificationAsync($"The release of {ToReject} was rejected");
        await Expect(rejected).ToHaveCountAsync(0);

        await Page.NavigateByMenuAsync("Released");
        var released = Page.GridRow("released-grid", Requested);
        await Expect(released).ToContainTextAsync("Released");
        await Expect(released.GetByTestId("available-after")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}\sUTC$"));
        await Expect(released.GetByTestId("countdown")).ToContainTextAsync("29 d");
    }
}
