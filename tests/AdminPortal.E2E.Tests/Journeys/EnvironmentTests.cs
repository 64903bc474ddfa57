using AdminPortal.E2E.Tests.Infrastructure;
using AdminPortal.E2E.Tests.Pages;
using Microsoft.Playwright;

namespace AdminPortal.E2E.Tests.Journeys;

/// <summary>The demo, with its published passwords and keys, exists only where the environment says Development.</summary>
public sealed class EnvironmentTests(Browser browser)
{
    [Fact]
    public async Task An_explicit_Production_environment_wins_over_the_launch_profile_and_no_demo_is_created()
    {
        await using var server = new LaunchProfileServer("Production");
        await server.InitializeAsync();

        await server.WaitForLogAsync("Hosting environment: Production");
        Assert.Equal(401, await CallWithTheDemoKeyAsync(server));
    }

    [Fact]
    public async Task Without_an_environment_the_launch_profile_starts_the_demo_as_the_README_says()
    {
        await using var server = new LaunchProfileServer(null);
        await server.InitializeAsync();

        await server.WaitForLogAsync("Hosting environment: Development");
        Assert.Equal(200, await CallWithTheDemoKeyAsync(server));
    }

    private async Task<int> CallWithTheDemoKeyAsync(PortalServer server)
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString() });
        var response = await context.APIRequest.GetAsync("api/v1/release-requests", new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Demo.OwnerApiKey}" } });
        return response.Status;
    }
}
