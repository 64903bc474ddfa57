using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace AdminPortal.Benchmarks.Circuits;

/// <summary>
/// Benchmark 4: one portal instance for a stretch of minutes (10 by default) with 50 circuits clicking through the Numbers
/// grid and 20 API clients reading numbers and release previews. Reports every error, the resident memory after a full GC
/// each minute (the end within 10% of minute 2), then closes every tab and watches the open circuits drain.
/// </summary>
internal static class SoakBenchmark
{
    private const int Circuits = 50;
    private const int ApiClients = 20;
    private const string OwnerKey = "nrp_demo_owner_6f1d2c9a8b7e4f30a1c5d9e2b4f7a8c1";
    private const string Account = "acc_123abc";
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(int minutes)
    {
        // The budget of one key (600 calls a minute) would refuse 20 clients sharing the demo key: the soak measures load, not the budget.
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string> { ["Api__RateLimitPerMinute"] = "1000000" });
        var probe = new RuntimeProbe(portal.Id);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await CircuitsBenchmark.LaunchAsync(playwright);
        var tabs = new Tabs(browser, portal.Address, await CircuitsBenchmark.SignInAsync(browser, portal.Address, CircuitsBenchmark.Owner));
        var pages = new List<IPage>();
        for (var i = 0; i < Circuits; i++)
        {
            pages.Add((await tabs.OpenAsync("/numbers")).Page);
        }

        var errors = new List<string>();
        var clicks = new List<double>();
        var calls = new List<double>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        var clicking = pages.Select((page, i) => ClickLoopAsync(page, i, clicks, errors, stop.Token));
        var reading = Enumerable.Range(0, ApiClients).Select(i => ApiLoopAsync(portal.Address, i, calls, errors, stop.Token));
        var load = Task.WhenAll(clicking.Concat(reading));

        Console.WriteLine($"Soak: {minutes} min, {Circuits} circuits clicking every 2 s, {ApiClients} API clients calling every second.");
        Console.WriteLine();
        Console.WriteLine("| Minute | Resident MiB after a full GC | Heap MiB | Circuits open | Clicks so far | API calls so far | Errors so far |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        var resident = new Dictionary<int, long>();
        for (var minute = 1; minute <= minutes; minute++)
        {
            await Task.Delay(TimeSpan.FromMinutes(1));
            var (rss, heap) = await CircuitsBenchmark.MemoryAsync(portal, probe);
            resident[minute] = rss;
            var open = await probe.ReadAsync("AdminPortal", "adminportal.circuits.open");
            Console.WriteLine($"| {minute} | {CircuitsBenchmark.Mib(rss)} | {CircuitsBenchmark.Mib(heap)} | {open:F0} | {Count(clicks)} | {Count(calls)} | {Count(errors)} |");
        }

        await load;
        lock (clicks)
        {
            Console.WriteLine();
            Console.WriteLine($"Clicks: {clicks.Count:N0}, click→DOM p50 {Stats.Percentile(clicks, 0.5):F0} ms, p95 {Stats.Percentile(clicks, 0.95):F0} ms.");
        }

        lock (calls)
        {
            Console.WriteLine($"API calls: {calls.Count:N0}, p50 {Stats.Percentile(calls, 0.5):F0} ms, p95 {Stats.Percentile(calls, 0.95):F0} ms.");
        }

        var growth = (resident[minutes] - resident[Math.Min(2, minutes)]) * 100.0 / resident[Math.Min(2, minutes)];
        Console.WriteLine($"Errors: {errors.Count}{(errors.Count > 0 ? ": " + string.Join("; ", errors.Distinct().Take(10)) : string.Empty)}");
        Console.WriteLine($"Resident memory at the end against minute 2: {growth:+0.0;-0.0}% (target within ±10%: {(Math.Abs(growth) <= 10 ? "met" : "missed")}).");

        await DrainAsync(tabs, probe);
    }

    /// <summary>Closes every tab and reads the open circuits until none is left or the retention period has passed.</summary>
    private static async Task DrainAsync(Tabs tabs, RuntimeProbe probe)
    {
        await tabs.CloseAsync();

        var watch = Stopwatch.StartNew();
        double open;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            open = await probe.ReadAsync("AdminPortal", "adminportal.circuits.open");
            Console.WriteLine($"{watch.Elapsed.TotalSeconds:F0} s after closing the tabs: {open:F0} circuits open");
        }
        while (open > 0 && watch.Elapsed < Retention + TimeSpan.FromSeconds(30));

        Console.WriteLine($"Circuits of closed tabs released: {(open == 0 ? $"all, within {watch.Elapsed.TotalSeconds:F0} s" : $"{open:F0} still open after {watch.Elapsed.TotalSeconds:F0} s")}.");
    }

    private static async Task ClickLoopAsync(IPage page, int index, List<double> clicks, List<string> errors, CancellationToken stop)
    {
        // Spread the circuits' clicks over the 2 s between them.
        await Task.Delay(TimeSpan.FromMilliseconds(index * 2000.0 / Circuits), CancellationToken.None);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                var ms = await CircuitsBenchmark.ClickAndTimeAsync(page, CircuitsBenchmark.Clicks[i % CircuitsBenchmark.Clicks.Length]);
                Add(clicks, ms);
            }
            catch (PlaywrightException ex)
            {
                Add(errors, $"circuit {index}: {ex.Message.Split('\n')[0]}");
            }

            await Pause(TimeSpan.FromSeconds(2), stop);
        }
    }

    private static async Task ApiLoopAsync(Uri address, int index, List<double> calls, List<string> errors, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OwnerKey);
        await Task.Delay(TimeSpan.FromMilliseconds(index * 1000.0 / ApiClients), CancellationToken.None);
        string? cursor = null;
        string? e164 = null;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var path = i % 2 == 0 || e164 is null
                ? $"/api/v1/accounts/{Account}/numbers?limit=50{(cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))}"
                : $"/api/v1/accounts/{Account}/numbers/{Uri.EscapeDataString(e164)}/release-preview";
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(path, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                Add(calls, watch.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Add(errors, $"API {(int)response.StatusCode} on {path.Split('?')[0]}");
                }
                else if (path.Contains("release-preview", StringComparison.Ordinal))
                {
                    e164 = null;
                }
                else
                {
                    using var json = JsonDocument.Parse(body);
                    var numbers = json.RootElement.GetProperty("numbers");
                    e164 = numbers.GetArrayLength() > 0 ? numbers[i % numbers.GetArrayLength()].GetProperty("e164").GetString() : null;
                    cursor = json.RootElement.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                }
            }
            catch (HttpRequestException ex)
            {
                Add(errors, $"API client {index}: {ex.Message}");
            }

            await Pause(TimeSpan.FromSeconds(1), stop);
        }
    }

    private static async Task Pause(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }

    private static void Add<T>(List<T> list, T item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    private static int Count<T>(List<T> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}
