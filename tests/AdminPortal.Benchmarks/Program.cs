using System.Diagnostics;
using System.Globalization;
using AdminPortal.Application.Common;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["api-budget"])
{
    await ApiBudgetBenchmark.RunAsync();
    return;
}

if (args is ["decisions"])
{
    await DecisionsBenchmark.RunAsync();
    return;
}

const string BenchAccount = "acc_bench";
const int WarmUp = 3;
const int Iterations = 30;
const int PageSize = 50;

var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var otherCount = Math.Max(count / 20, 1);

await using var database = await TestDatabase.CreateAsync();
var owner = await database.Given().OwnerAsync("owner@bench.example");
var reviewer = await database.Given().ReviewerAsync("reviewer@bench.example");
await database.Given().AccountAsync(BenchAccount, owner);
await database.Given().AccountAsync("acc_other1");
await database.Given().AccountAsync("acc_other2");

var seeding = Stopwatch.StartNew();
var data = new BenchData(database.Now);
await data.InsertAsync(database, BenchAccount, count);
await data.InsertAsync(database, "acc_other1", otherCount);
await data.InsertAsync(database, "acc_other2", otherCount);
seeding.Stop();

await using (var db = database.NewContext())
{
    var statuses = await db.PhoneNumbers.GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
    Console.WriteLine($"Inserted {count:N0} numbers in {BenchAccount} and {otherCount:N0} in each of 2 other accounts in {seeding.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine("Statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count:N0}")));
    Console.WriteLine($"Numbers with agents: {await db.PhoneNumbers.CountAsync(n => n.Agents.Count > 0):N0}");
    if (TestDatabase.OnPostgres)
    {
        // Statistics and the visibility map, as autovacuum would leave them soon after a bulk load.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
        var bytes = (await db.Database.SqlQuery<long>($"SELECT pg_database_size(current_database()) AS \"Value\"").ToListAsync()).Single();
        Console.WriteLine($"Database on PostgreSQL: {bytes / 1_048_576.0:F1} MiB");
    }
    else
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine($"Database file: {new FileInfo(database.FilePath).Length / 1_048_576.0:F1} MiB");
    }
    Console.WriteLine();
}

var deep = Math.Max((int)(count * 0.9), 1);
string deepCursor;
await using (var db = database.NewContext())
{
    var row = await db.PhoneNumbers.AsNoTracking()
        .Where(n => n.AccountId == BenchAccount && n.Status != NumberStatus.Returned)
        .OrderBy(n => n.E164).ThenBy(n => n.Id)
        .Skip(deep - 1)
        .Select(n => new { n.E164, n.Id })
        .FirstAsync();
    deepCursor = Cursor.Encode(row.E164, row.Id);
}

var listNumbers = database.Services.CreateScope().ServiceProvider.GetRequiredService<ListNumbers>();
var grid = new Paging(Take: PageSize);
var api = new Paging(Take: PageSize, WithTotal: false);

var scenarios = new (string Name, Actor Actor, NumberFilter Filter, Paging Paging)[]
{
    ("First page, sort by number, with total", owner, new NumberFilter(), grid),
    ($"Keyset page after row {deep:N0} (API cursor), no total", owner, new NumberFilter(BenchAccount), api with { Cursor = deepCursor }),
    ($"Offset page at row {deep:N0}, with total", owner, new NumberFilter(), grid with { Skip = deep }),
    ("Status = Active, with total", owner, new NumberFilter(Status: NumberStatus.Active), grid),
    ("Country = GB, with total", owner, new NumberFilter(Country: "GB"), grid),
    ("Type = TollFree, with total", owner, new NumberFilter(Type: NumberType.TollFree), grid),
    ("Label search \"Sales 4\", with total", owner, new NumberFilter(Search: "Sales 4"), grid),
    ("Digit search \"555012\", with total", owner, new NumberFilter(Search: "555012"), grid),
    ("Sort by purchase date descending, with total", owner, new NumberFilter(Sort: NumberSort.PurchasedAt, Descending: true), grid),
    ("Sort by label, with total", owner, new NumberFilter(Sort: NumberSort.Label), grid),
    ("Sort by country, with total", owner, new NumberFilter(Sort: NumberSort.Country), grid),
    ("Sort by type, with total", owner, new NumberFilter(Sort: NumberSort.Type), grid),
    ("Sort by status, with total", owner, new NumberFilter(Sort: NumberSort.Status), grid),
    ("Sort by monthly price, with total", owner, new NumberFilter(Sort: NumberSort.MonthlyPrice), grid),
    ($"Sort by monthly price descending, offset page at row {deep / 2:N0}, with total", owner, new NumberFilter(Sort: NumberSort.MonthlyPrice, Descending: true), grid with { Skip = deep / 2 }),
    ("Staff, all accounts, with total", reviewer, new NumberFilter(), grid),
    ("Staff, all accounts, Country = GB, with total", reviewer, new NumberFilter(Country: "GB"), grid),
    ("Staff, all accounts, label search \"Sales 4\", with total", reviewer, new NumberFilter(Search: "Sales 4"), grid),
    ($"Staff, all accounts, offset page at row {deep:N0}, with total", reviewer, new NumberFilter(), grid with { Skip = deep }),
    ($"Staff, account {BenchAccount}, with total", reviewer, new NumberFilter(BenchAccount), grid),
};

Console.WriteLine($"{WarmUp} warm-up runs and {Iterations} timed runs per scenario, {PageSize} rows per page.");
Console.WriteLine();
Console.WriteLine("| Scenario | Median ms | p95 ms | Rows returned | Total |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var (name, actor, filter, paging) in scenarios)
{
    Page<NumberRowView>? page = null;
    var (median, p95) = await TimeAsync(name, async () =>
    {
        var result = await listNumbers.HandleAsync(actor, filter, paging);
        page = result.IsSuccess ? result.Value : null;
        return result;
    });
    var total = page!.TotalCount is { } t ? t.ToString("N0") : "-";
    Console.WriteLine($"| {name} | {median:F1} | {p95:F1} | {page.Items.Count} | {total} |");
}

// The dry run of a bulk release: 1,000 numbers spread over the whole account, each judged as a single request would be.
List<string> bulk;
await using (var db = database.NewContext())
{
    // One less than the even spread, so the picks do not all fall on the same place in the data's repeating patterns.
    var step = Math.Max((count / PreviewBulkRelease.MaxNumbers) - 1, 1);
    bulk = [.. (await db.PhoneNumbers.AsNoTracking().Where(n => n.AccountId == BenchAccount).OrderBy(n => n.Id).Select(n => n.E164).ToListAsync())
        .Where((_, i) => i % step == 0).Take(PreviewBulkRelease.MaxNumbers)];
}

var previewBulk = database.Services.CreateScope().ServiceProvider.GetRequiredService<PreviewBulkRelease>();
BulkPreviewView? verdicts = null;
var (bulkMedian, bulkP95) = await TimeAsync("Bulk dry run", async () =>
{
    var result = await previewBulk.HandleAsync(owner, BenchAccount, bulk, ReleaseTiming.Now);
    verdicts = result.IsSuccess ? result.Value : null;
    return result;
});
Console.WriteLine();
Console.WriteLine("| Scenario | Median ms | p95 ms | Numbers | Releasable | Target p95 ≤ 1,000 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---|");
Console.WriteLine($"| Bulk release dry run of {bulk.Count:N0} numbers of {BenchAccount} | {bulkMedian:F1} | {bulkP95:F1} | {verdicts!.Results.Count:N0} | {verdicts.Summary.Releasable:N0} | {(bulkP95 <= 1000 ? "met" : "missed")} |");
Console.WriteLine($"Blocked: {string.Join(", ", verdicts.Summary.BlockedBy.Select(b => $"{b.Value:N0} × {b.Key}"))}");

// Runs a call WarmUp times untimed, then Iterations times timed: the median and the 95th percentile (nearest rank), in ms.
static async Task<(double Median, double P95)> TimeAsync(string name, Func<Task<Result>> call)
{
    var times = new List<double>();
    for (var i = 0; i < WarmUp + Iterations; i++)
    {
        var watch = Stopwatch.StartNew();
        var result = await call();
        watch.Stop();
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{name}: {result.Error.Code} {result.Error.Message}");
        }

        if (i >= WarmUp)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
    return (median, times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
}

internal sealed class BenchData(DateTime now)
{
    private const int Batch = 5_000;

    private static readonly string[] Labels = ["Line", "Sales", "Support", "Billing", "Line", "Front desk", "Line", "Dispatch"];
    private static readonly string[] Providers = ["Telnyx", "Bandwidth", "Twilio", "Vonage"];
    private static readonly string[] UsAreas = ["415", "212", "646", "312", "617", "305", "206", "512", "702", "720", "404", "213"];
    private static readonly string[] TollFree = ["800", "888", "877", "866"];

    private int _sequence;

    public async Task InsertAsync(TestDatabase database, string accountId, int count)
    {
        for (var start = 0; start < count; start += Batch)
        {
            await using var db = database.NewContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var numbers = Enumerable.Range(0, Math.Min(Batch, count - start)).Select(_ => Number(accountId, ++_sequence)).ToList();
            db.PhoneNumbers.AddRange(numbers);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
        }
    }

    private PhoneNumber Number(string accountId, int n)
    {
        var digits = ((n * 7919L) + 1_234_567) % 10_000_000;
        var (country, type) = (n % 20) switch
        {
            < 10 => ("US", NumberType.Local),
            < 12 => ("US", NumberType.TollFree),
            < 15 => ("GB", n % 20 == 14 ? NumberType.Mobile : NumberType.Local),
            < 17 => ("DE", n % 20 == 16 ? NumberType.Mobile : NumberType.Local),
            < 19 => ("CA", NumberType.Local),
            _ => ("US", NumberType.Mobile),
        };
        var e164 = (country, type) switch
        {
            ("US", NumberType.TollFree) => $"+1{TollFree[n % TollFree.Length]}{digits:D7}",
            ("US", NumberType.Local) => $"+1{UsAreas[n / 10_000 % UsAreas.Length]}555{n % 10_000:D4}",
            ("US", _) => $"+1917{digits:D7}",
            ("GB", NumberType.Mobile) => $"+447700{digits:D7}",
            ("GB", _) => $"+44207{digits:D7}",
            ("DE", NumberType.Mobile) => $"+49151{digits:D7}",
            ("DE", _) => $"+4930{digits:D7}",
            _ => $"+1604{digits:D7}",
        };
        var price = type switch { NumberType.TollFree => 200, NumberType.Mobile => 300, _ => 115 };
        var number = new PhoneNumber(
            $"phn_bench{n:D7}",
            accountId,
            E164.From(e164),
            $"{Labels[n % Labels.Length]} {n}",
            country,
            type,
            Providers[n % Providers.Length],
            new Money(price),
            now.AddDays(-(1 + (digits % 1_500))).AddMinutes(-(n % 1_440)),
            now.AddDays(1 + (n % 30)));
        var agents = n % 25 == 0
            ? new[] { new AttachedAgent($"agt_{n % 40}", $"Agent {n % 40}") }
            : [];
        number.Provision($"tg-bench-{n % 8}", $"sip:line{n}@bench.example", (A2pStatus)(n % 4), agents: agents);

        var terms = ReleaseTerms.Default;
        switch (n % 100)
        {
            case 1 or 2 or 3:
                Moved(number.MarkReleasePending());
                break;
            case 4 or 5:
                Moved(number.MarkReleasePending());
                Moved(number.Release(now.AddDays(-5), terms));
                break;
            case 6 or 7:
                Moved(number.MarkReleasePending());
                Moved(number.Release(now.AddDays(-45), terms));
                Moved(number.ReturnToInventory(now.AddDays(-15)));
                break;
        }

        return number;
    }

    /// <summary>A refused move would quietly change the data being measured.</summary>
    private static void Moved(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"{result.Error.Code}: {result.Error.Message}");
        }
    }
}
