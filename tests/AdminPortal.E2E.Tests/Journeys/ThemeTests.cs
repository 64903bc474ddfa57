using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdminPortal.E2E.Tests.Journeys;

public sealed class ThemeTests(PortalServer server, Browser browser) : PortalTest(server, browser), IClassFixture<PortalServer>
{
    [Fact]
    public async Task The_dark_theme_a_person_chooses_is_kept_on_the_next_visit()
    {
        await Page.SignInAndWaitAsync(Demo.Owner);
        var light = await BackgroundAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Page.WaitForInteractiveAsync();

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();
        Assert.NotEqual(light, await BackgroundAsync());

        await Page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" })).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" })).ToBeVisibleAsync();
        Assert.Equal(light, await BackgroundAsync());
    }

    private Task<string> BackgroundAsync() => Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
