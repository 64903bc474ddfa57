using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

public sealed class SignInTests(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    [Fact]
    public async Task The_demo_owner_signs_in_and_sees_the_numbers_of_its_accounts()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);

        await Expect(Page.Heading("Numbers")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("signed-in-user")).ToContainTextAsync(Demo.Owner);
        await Expect(Page.GetByTestId("numbers-grid").GetByRole(AriaRole.Link, new() { Name = "+14155550101" })).ToBeVisibleAsync();
        await ReadmeScreenshotAsync(Page, "numbers-grid");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message_and_no_session()
    {
        await Page.SignInAsync(Demo.Owner, "not-the-password-at-all");

        await Expect(Page.GetByTestId("login-error")).ToHaveTextAsync("Wrong email or password. Check both and try again.");
        await Page.GotoAsync("/numbers");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task An_owner_has_no_review_queue_link_and_is_not_authorized_at_its_address()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);

        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Numbers" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Review queue" })).ToHaveCountAsync(0);
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToHaveCountAsync(0);

        await Page.GotoAsync("/review");
        await Expect(Page.Heading("Not authorized")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("review-grid")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Five_wrong_passwords_hold_off_that_name_even_with_the_right_password_in_a_browser_it_never_signed_in_from()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Page.SignInAsync(Demo.OtherOwner, $"wrong-password-number-{attempt}");
        }

        await Page.SignInAsync(Demo.OtherOwner);

        await Expect(Page.GetByTestId("login-error")).ToHaveTextAsync("Too many failed sign-ins. Wait a few minutes before trying again, or ask an administrator for help.");
        await Page.GotoAsync("/numbers");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await Page.SignInAndWaitAsync(Demo.Reviewer);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out.");
        await Page.GotoAsync("/review");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_signed_in_user_who_opens_the_sign_in_page_goes_on_to_the_portal()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);

        await Page.GotoAsync("/Account/Login");

        await Expect(Page.Heading("Numbers")).ToBeVisibleAsync();
    }
}
