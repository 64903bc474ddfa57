using System.Diagnostics;
using Microsoft.Playwright;

namespace AdminPortal.Benchmarks.Circuits;

/// <summary>
/// Tabs of one signed-in user, each its own circuit. Contexts hold at most <see cref="PerContext"/> tabs: Chromium opens a
/// host's WebSockets one at a time within a context and caps how many it keeps, so many tabs in one context would wait on
/// each other; a context per tab would take a renderer each (about 130 MB), more than 200 fit in this machine.
/// </summary>
internal sealed class Tabs(IBrowser browser, Uri address, string state)
{
    /// <summary>Tabs per context: 10, or PORTAL_BENCH_TABS_PER_CONTEXT to try another (docs/performance.md).</summary>
    public static readonly int PerContext = int.TryParse(Environment.GetEnvironmentVariable("PORTAL_BENCH_TABS_PER_CONTEXT"), out var tabs) && tabs > 0 ? tabs : 10;

    /// <summary>Renderer processes the browser may start; tabs share them beyond that.</summary>
    public const int RendererProcesses = 24;

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>A new tab on the page, and the milliseconds until the page is interactive (its circuit wired up).</summary>
    public async Task<(IPage Page, double Milliseconds)> OpenAsync(string path)
    {
        var context = _contexts.LastOrDefault(c => c.Pages.Count < PerContext);
        if (context is null)
        {
            context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = address.ToString(),
                StorageState = state,
                ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            });
            _contexts.Add(context);
        }

        var page = await context.NewPageAsync();
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(path);
        await page.Locator("[data-portal-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 180_000 });
        return (page, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Leaves the page as a person closing the tab does: the page unloads and Blazor tells the server its circuit is over,
    /// rather than leaving it disconnected and retained for minutes, which would count in the next reading.
    /// </summary>
    public async Task LeaveAsync(IPage page)
    {
        await page.GotoAsync("about:blank");
        await page.CloseAsync();
    }

    /// <summary>Closes every tab at once, as a crashed browser would: the circuits are left to the server's retention.</summary>
    public async Task CloseAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
