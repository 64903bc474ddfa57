using Microsoft.Playwright;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(AdminPortal.E2E.Tests.Infrastructure.Browser))]

namespace AdminPortal.E2E.Tests.Infrastructure;

/// <summary>
/// One browser context per test against the class's own portal. A failed test leaves a screenshot
/// of its page under the test output folder (screenshots/).
/// </summary>
public abstract class PortalTest(PortalServer server, Browser browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected PortalServer Server { get; } = server;

    protected IPage Page { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Page = await NewPageAsync();
    }

    /// <summary>A separate browser session, for a second person in the same journey; optionally under another name of the host.</summary>
    protected async Task<IPage> NewPageAsync(string? host = null)
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = new UriBuilder(Server.BaseAddress) { Host = host ?? Server.BaseAddress.Host }.Uri.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        // No CSS animation or transition: the browser shares the 2 cores with the portals, and MudBlazor's progress bars and
        // fades cost it a tenth of its time; Playwright waits for an element to stop moving before it clicks anyway.
        await context.AddInitScriptAsync("""
            document.addEventListener('DOMContentLoaded', () => {
              const style = document.createElement('style');
              style.textContent = '*, *::before, *::after { animation: none !important; transition: none !important; }';
              document.head.appendChild(style);
            });
            """);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var name = string.Concat((TestContext.Current.Test?.TestDisplayName ?? "test").Split(Path.GetInvalidFileNameChars()));
            for (var i = 0; i < _contexts.Count; i++)
            {
                foreach (var page in _contexts[i].Pages)
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{i}.png"), FullPage = true });
                }
            }

            await File.WriteAllTextAsync(Path.Combine(folder, $"{name}.portal.log"), Server.Log);
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Screenshots for the README are refreshed only when asked: PORTAL_README_SCREENSHOTS=1.</summary>
    protected static async Task ReadmeScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_README_SCREENSHOTS") == "1")
        {
            var path = Path.Combine(PortalServer.Metadata("RepositoryRoot"), "docs", "screenshots", $"{name}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        }
    }
}
