using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Pages;

/// <summary>Page objects: what a person does on each page, in the words of the page.</summary>
public static class PortalPages
{
    public static async Task SignInAsync(this IPage page, string email, string password = Demo.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in all the way: staff take the second step with the code the Development demo shows.</summary>
    public static async Task SignInAndWaitAsync(this IPage page, string email)
    {
        await page.SignInAsync(email);
        if (Demo.Staff.Contains(email))
        {
            await page.EnterDemoCodeAsync();
        }

        await page.WaitForInteractiveAsync();
    }

    public static async Task EnterDemoCodeAsync(this IPage page)
    {
        await Expect(page.Heading("Two-step sign-in")).ToBeVisibleAsync();
        var code = await page.GetByTestId("demo-code").Locator("strong").InnerTextAsync();
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    /// <summary>Blazor renders the page first and wires it up a moment later; clicks before that do nothing.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-portal-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task NavigateByMenuAsync(this IPage page, string item) =>
        page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();

    public static ILocator Heading(this IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    public static ILocator GridRow(this IPage page, string testId, string text) =>
        page.GetByTestId(testId).Locator("tbody tr").Filter(new() { HasText = text });

    /// <summary>Accepts the confirmation dialog with the given button, after checking that it says what will happen and starts on the safe "Go back".</summary>
    public static async Task ConfirmAsync(this IPage page, string button, params string[] expectedTexts)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Go back" })).ToBeFocusedAsync();
        foreach (var text in expectedTexts)
        {
            await Expect(dialog).ToContainTextAsync(text);
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    public static Task ExpectNotificationAsync(this IPage page, string text) =>
        Expect(page.GetByTestId("notification").Filter(new() { HasText = text })).ToBeVisibleAsync();

    public static async Task OpenNumberFromGridAsync(this IPage page, string e164)
    {
        await page.GetByLabel("Number or label").FillAsync(e164.TrimStart('+'));
        // The search applies after a pause in typing: a row clicked before then can move away under the pointer.
        var grid = page.GetByTestId("numbers-grid");
        await Expect(grid.Locator("tbody tr").Filter(new() { HasNotText = e164 })).ToHaveCountAsync(0);
        await grid.GetByRole(AriaRole.Link, new() { Name = e164, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("number-e164")).ToContainTextAsync(e164);
    }

    /// <summary>Writes a reason in the request dialog and sends it.</summary>
    public static async Task RequestReleaseAsync(this IPage page, string reason)
    {
        await page.GetByTestId("request-release").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Reason for the release").FillAsync(reason);
        await dialog.GetByTestId("prompt-submit").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}
