using System.Diagnostics;
using Microsoft.Playwright;

namespace AdminPortal.Benchmarks.Circuits;

/// <summary>
/// Benchmark 1: N real circuits of signed-in users (one browser context each) on the Numbers page, then on the Review
/// queue, against the built portal in its own process. At each N: the portal's resident memory and managed heap after a
/// full GC, the marginal memory per circuit, click→DOM latency of pager and sort clicks timed inside the page, and the time
/// a new circuit takes to become interactive.
/// </summary>
internal static class CircuitsBenchmark
{
    public const string Owner = "owner@example.com";
    public const string Reviewer = "reviewer@example.com";
    private const string Password = "demo-password-2026";
    private const int NewCircuitProbes = 5;
    private const int ClickedCircuits = 20;

    public static async Task RunAsync(int[] counts)
    {
        Console.WriteLine($"Circuits on the Numbers page (owner {Owner}), then on the Review queue (reviewer {Reviewer}); N = {string.Join(", ", counts)}.");
        await SeriesAsync("/numbers", Owner, counts, clicks: true);
        await SeriesAsync("/review", Reviewer, counts, clicks: false);
    }

    private static async Task SeriesAsync(string path, string user, int[] counts, bool clicks)
    {
        await using var portal = await PortalProcess.StartAsync();
        var probe = new RuntimeProbe(portal.Id);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var tabs = new Tabs(browser, portal.Address, await SignInAsync(browser, portal.Address, user));
        await tabs.LeaveAsync((await tabs.OpenAsync(path)).Page);
        var (baseRss, baseHeap) = await MemoryAsync(portal, probe);

        Console.WriteLine();
        Console.WriteLine($"{path}: portal with no circuit open: {Mib(baseRss)} MiB resident, {Mib(baseHeap)} MiB managed heap (after a full GC).");
        Console.WriteLine();
        Console.WriteLine("| N | Circuits (portal's meter) | Resident MiB | Heap MiB | KB per circuit (resident, from 0) | KB per circuit (heap, from 0) | Opening N: interactive p50 / p95 ms | New circuit at N: interactive p50 / p95 ms | Click→DOM p50 / p95 ms |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|---|---|");
        var open = new List<IPage>();
        foreach (var n in counts)
        {
            var opening = new List<double>();
            while (open.Count < n)
            {
                var (page, ms) = await tabs.OpenAsync(path);
                open.Add(page);
                opening.Add(ms);
            }

            var circuits = await CircuitsOpenAsync(probe, n);
            var (rss, heap) = await MemoryAsync(portal, probe);
            await HeapDumpAsync(portal, $"{path.Trim('/')}-{n}");
            var latencies = clicks ? await ClickAsync(open) : [];
            var probes = new List<double>();
            for (var i = 0; i < NewCircuitProbes; i++)
            {
                var (page, ms) = await tabs.OpenAsync(path);
                probes.Add(ms);
                await tabs.LeaveAsync(page);
            }

            Console.WriteLine($"| {n} | {circuits:F0} | {Mib(rss)} | {Mib(heap)} | {(rss - baseRss) / 1024.0 / n:F0} | {(heap - baseHeap) / 1024.0 / n:F0} | {Figures(opening)} | {Figures(probes)} | {(latencies.Count > 0 ? Figures(latencies) : "-")} |");
        }

        await tabs.CloseAsync();
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // A renderer per tab (three, with site isolation) takes about 130 MB: 200 of them do not fit in this machine.
            // Tabs share a few renderers instead (Tabs).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-site-isolation-trials", $"--renderer-process-limit={Tabs.RendererProcesses}"],
        });

    /// <summary>Signs in once (staff with the demo's second step) and returns the session's cookies for every circuit's context.</summary>
    public static async Task<string> SignInAsync(IBrowser browser, Uri address, string email)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        if (email == Reviewer)
        {
            var code = await page.GetByTestId("demo-code").Locator("strong").InnerTextAsync();
            await page.GetByLabel("Code").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }

        await page.Locator("[data-portal-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return await context.StorageStateAsync();
    }

    /// <summary>Next page, previous page and a sort by label in up to 20 circuits spread over those open.</summary>
    private static async Task<List<double>> ClickAsync(List<IPage> open)
    {
        var latencies = new List<double>();
        var step = Math.Max(open.Count / ClickedCircuits, 1);
        for (var i = 0; i < open.Count; i += step)
        {
            var page = open[i];
            foreach (var click in Clicks)
            {
                latencies.Add(await ClickAndTimeAsync(page, click));
            }
        }

        return latencies;
    }

    public static readonly string[] Clicks = ["next", "previous", "sort"];

    /// <summary>Clicks inside the page and times, with the page's own clock, until the grid's first row has changed.</summary>
    public static Task<double> ClickAndTimeAsync(IPage page, string click) => page.EvaluateAsync<double>(
        """
        async (click) => {
          const body = document.querySelector('[data-testid="numbers-grid"] tbody');
          const first = () => body.querySelector('tr')?.textContent;
          const target = click === 'next' ? document.querySelector('[aria-label="Next page"]')
            : click === 'previous' ? document.querySelector('[aria-label="Previous page"]')
            : [...document.querySelectorAll('[data-testid="numbers-grid"] th .sortable-column-header')].find(e => e.textContent.trim() === 'Label');
          if (!target) throw new Error('nothing to click for ' + click);
          const before = first();
          return await new Promise((resolve, reject) => {
            const observer = new MutationObserver(() => {
              if (first() !== before) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start); }
            });
            observer.observe(body, { childList: true, subtree: true, characterData: true });
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error(click + ': the grid did not change within 30 s')); }, 30000);
            const start = performance.now();
            target.click();
          });
        }
        """,
        click);

    /// <summary>
    /// The portal's open circuits once it counts at least <paramref name="n"/> (the tabs closed earlier may still be
    /// ending): memory is read only when every tab's circuit stands. Gives up after a minute with what it last read.
    /// </summary>
    private static async Task<double> CircuitsOpenAsync(RuntimeProbe probe, int n)
    {
        var watch = Stopwatch.StartNew();
        double open;
        do
        {
            open = await probe.ReadAsync("AdminPortal", "adminportal.circuits.open");
        }
        while (open < n && watch.Elapsed < TimeSpan.FromMinutes(1));

        return open;
    }

    /// <summary>With PORTAL_BENCH_GCDUMP set to a folder, a heap dump at each N for dotnet-gcdump report (what each circuit holds).</summary>
    private static async Task HeapDumpAsync(PortalProcess portal, string name)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_BENCH_GCDUMP") is { Length: > 0 } folder)
        {
            using var dump = Process.Start("dotnet-gcdump", ["collect", "-p", portal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", Path.Combine(folder, name + ".gcdump")])!;
            await dump.WaitForExitAsync();
        }
    }

    public static async Task<(long Rss, long Heap)> MemoryAsync(PortalProcess portal, RuntimeProbe probe)
    {
        var heap = await probe.CollectAsync();
        return (portal.ResidentBytes(), heap);
    }

    public static string Mib(long bytes) => (bytes / 1_048_576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    private static string Figures(List<double> values) => $"{Stats.Percentile(values, 0.5):F0} / {Stats.Percentile(values, 0.95):F0}";
}
