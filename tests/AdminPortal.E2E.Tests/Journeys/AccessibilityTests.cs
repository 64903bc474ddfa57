using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>The portal used with a keyboard and a screen reader: names for every control, titled dialogs, a pager without a mouse.</summary>
public sealed class AccessibilityTests(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    [Fact]
    public async Task The_numbers_grid_pages_forward_and_back_with_the_keyboard_alone()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        var summary = Page.GetByTestId("numbers-grid").GetByText(new System.Text.RegularExpressions.Regex(@"^\d+-\d+ of [\d,]+$"));
        await Expect(summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1-25 of"));
        await Page.GetByLabel("Number or label").FocusAsync();

        await TabToAsync("Next page");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^26-50 of"));
        await Page.Keyboard.PressAsync("Space");
        await Expect(summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^51-75 of"));

        await Page.Keyboard.PressAsync("Shift+Tab");
        await Expect(Page.Locator(":focus")).ToHaveAttributeAsync("aria-label", "Previous page");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^26-50 of"));
    }

    [Theory]
    [InlineData(Demo.Owner, "/numbers")]
    [InlineData(Demo.Owner, "/requests")]
    [InlineData(Demo.Owner, "/released")]
    [InlineData(Demo.Owner, "/dashboard")]
    [InlineData(Demo.Owner, "/api-keys")]
    [InlineData(Demo.Reviewer, "/review")]
    [InlineData(Demo.Reviewer, "/audit")]
    public async Task Every_control_of_the_page_has_a_name_a_screen_reader_announces(string user, string path)
    {
        await Page.SignInAndWaitAsync(user);
        await Page.OpenAsync(path);
        await Expect(Page.Locator("h1")).ToBeVisibleAsync();
        await Expect(Page.Locator("[role=progressbar]")).ToHaveCountAsync(0);

        var unnamed = await Page.EvaluateAsync<string[]>(UnnamedControls);

        Assert.Empty(unnamed);
    }

    [Fact]
    public async Task The_number_page_and_its_request_dialog_name_every_control_and_the_dialog_by_its_title()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.OpenNumberFromGridAsync("+14155560003");
        Assert.Empty(await Page.EvaluateAsync<string[]>(UnnamedControls));

        await Page.GetByTestId("request-release").ClickAsync();

        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "Request release of +14155560003" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Textbox, new() { Name = "Reason for the release" })).ToBeFocusedAsync();
        Assert.Empty(await Page.EvaluateAsync<string[]>(UnnamedControls));
        await Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_reason_of_one_long_unbroken_word_wraps_so_no_page_scrolls_sideways_on_a_phone_or_a_laptop()
    {
        // A ticket link is a realistic reason without a space to wrap at (WCAG 1.4.10, reflow).
        const string Reason = "Customer asked in https://support.example.com/tickets/2026/12/01/release-of-the-old-support-line-that-moved-to-the-new-toll-free-number-and-is-no-longer-printed-anywhere";
        await Page.SignInAndWaitAsync(Demo.Owner);
        await Page.OpenNumberFromGridAsync("+14155560004");
        await Page.RequestReleaseAsync(Reason);
        var number = new Uri(Page.Url).AbsolutePath;
        var reviewer = await NewPageAsync();
        await reviewer.SignInAndWaitAsync(Demo.Reviewer);

        foreach (var (page, path) in new[] { (Page, number), (Page, "/requests"), (reviewer, "/review"), (reviewer, "/audit") })
        {
            foreach (var width in new[] { 390, 1366 })
            {
                await page.SetViewportSizeAsync(width, 844);
                await page.OpenAsync(path);
                await Expect(page.Locator("main")).ToContainTextAsync("support.example.com/tickets");

                var sideways = await page.EvaluateAsync<int>(
                    "() => Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, ...[...document.querySelectorAll('.mud-table-container')].map(t => t.scrollWidth - t.clientWidth))");

                Assert.True(sideways <= 0, $"{path} at {width} px wide scrolls {sideways} px sideways");
            }
        }
    }

    /// <summary>Tabs through the page until the control with the given name has the focus.</summary>
    private async Task TabToAsync(string name)
    {
        for (var presses = 0; presses < 300; presses++)
        {
            if (await Page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')") == name)
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached '{name}'");
    }

    /// <summary>Visible controls whose accessible name (labelledby, aria-label, a label, their text or title) is empty.</summary>
    private const string UnnamedControls = """
        () => {
          const text = el => (el?.textContent || '').trim();
          const name = el => {
            const by = el.getAttribute('aria-labelledby');
            if (by) return by.split(/\s+/).map(id => text(document.getElementById(id))).join(' ').trim();
            if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
            if (el.id) { const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`); if (label) return text(label); }
            if (el.closest('label')) return text(el.closest('label'));
            return text(el) || (el.getAttribute('title') || '').trim();
          };
          const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
          return [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [role=combobox], [role=button], [role=option]')]
            .filter(visible).filter(el => !name(el)).map(el => el.outerHTML.slice(0, 160));
        }
        """;
}
