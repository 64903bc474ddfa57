using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>Open pages lose their session when the user signs out elsewhere (checked every 2 s by this portal).</summary>
public sealed class SessionEndTests(QuickSessionCheckPortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<QuickSessionCheckPortalServer>
{
    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_session_in_another_open_tab()
    {
        await Page.SignInAndWaitAsync(Demo.Reviewer);
        var otherTab = await Page.Context.NewPageAsync();
        await otherTab.OpenAsync("/review");
        await Expect(otherTab.GetByTestId("review-grid")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(otherTab).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(otherTab.GetByTestId("review-grid")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_user_locked_out_elsewhere_ends_on_the_sign_in_form_of_an_open_page()
    {
        await Page.SignInAndWaitAsync(Demo.Admin);
        await Page.OpenAsync("/review");
        var elsewhere = await NewPageAsync();

        // Someone with the password enters five wrong codes at the second step, which locks the account.
        await elsewhere.SignInAsync(Demo.Admin);
        await Expect(elsewhere.Heading("Two-step sign-in")).ToBeVisibleAsync();
        var code = await elsewhere.GetByTestId("demo-code").Locator("strong").InnerTextAsync();
        var wrong = new string([.. code.Select(digit => (char)('0' + ((digit - '0' + 5) % 10)))]);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await elsewhere.GetByLabel("Code").FillAsync(wrong);
            await elsewhere.RunAndWaitForResponseAsync(
                () => elsewhere.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync(),
                response => response.Request.Method == "POST" && response.Url.Contains("/Account/LoginWith2fa", StringComparison.Ordinal));
            await Expect(elsewhere.GetByTestId("login-error")).ToBeVisibleAsync();
        }

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(Page.GetByLabel("Password")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("review-grid")).ToHaveCountAsync(0);
    }
}
