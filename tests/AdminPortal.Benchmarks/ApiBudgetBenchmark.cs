using System.Diagnostics;
using AdminPortal.Infrastructure.Throttling;
using AdminPortal.Infrastructure.Persistence;
using AdminPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What counting the per-key API budget in the database costs per call (docs/performance.md): one caller in a row, and
/// 20 callers at once with keys of their own. Runs on SQLite, or on PostgreSQL when PORTAL_TEST_POSTGRES names a server.
/// </summary>
internal static class ApiBudgetBenchmark
{
    private const int Sequential = 2_000;
    private const int Callers = 20;
    private const int CallsEach = 200;

    public static async Task RunAsync()
    {
        await using var database = await TestDatabase.CreateAsync();
        var counter = new DatabaseWindowCounter(database.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), TimeProvider.System);
        for (var i = 0; i < 50; i++)
        {
            await counter.CountAsync("api/key/warmup", 1, CancellationToken.None);
        }

        var one = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Sequential; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await counter.CountAsync("api/key/one", 1, CancellationToken.None);
            one.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var oneSeconds = clock.Elapsed.TotalSeconds;
        var many = new List<double>[Callers];
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async c =>
        {
            many[c] = [];
            for (var i = 0; i < CallsEach; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await counter.CountAsync($"api/key/{c}", 1, CancellationToken.None);
                many[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var manySeconds = clock.Elapsed.TotalSeconds;
        var all = many.SelectMany(m => m).ToList();

        Console.WriteLine($"API budget counter on {TestDatabase.Provider}");
        Console.WriteLine();
        Console.WriteLine("| Callers | Calls | Median ms | p95 ms | Calls per second |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| 1 | {Sequential:N0} | {Stats.Percentile(one, 0.5):F2} | {Stats.Percentile(one, 0.95):F2} | {Sequential / oneSeconds:N0} |");
        Console.WriteLine($"| {Callers} | {all.Count:N0} | {Stats.Percentile(all, 0.5):F2} | {Stats.Percentile(all, 0.95):F2} | {all.Count / manySeconds:N0} |");
    }
}
