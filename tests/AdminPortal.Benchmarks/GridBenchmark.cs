using System.Diagnostics;
using AdminPortal.Application.Common;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The numbers grid at platform scale: 1,000,000 numbers over 10 accounts (one of 500,000, one of 100,000, eight of
/// 50,000), every scenario of the grid and the staff views timed through ListNumbers as the callers make it, then the
/// bulk release dry run. Target: p95 ≤ 20 ms per page (the dry run: p95 ≤ 1,000 ms).
/// </summary>
internal static class GridBenchmark
{
    private const string Large = "acc_large";
    private const string Bench = "acc_bench";
    private const int WarmUp = 3;
    private const int Iterations = 30;
    private const int PageSize = 50;
    private const double Target = 20;

    public static async Task RunAsync(int total)
    {
        // PORTAL_BENCH_SEEDED names a SQLite file: when it exists the run starts from a copy of it (migrated, so new
        // indexes are built) instead of seeding; when it does not, the seeded database is saved there for the next run.
        var seeded = TestDatabase.OnPostgres ? null : Environment.GetEnvironmentVariable("PORTAL_BENCH_SEEDED") is { Length: > 0 } file ? file : null;
        var reuse = seeded is not null && File.Exists(seeded);
        await using var database = await TestDatabase.CreateAsync(copyOf: reuse ? seeded : null);
        var accounts = new List<(string Id, int Count)> { (Large, total / 2), (Bench, total / 10) };
        accounts.AddRange(Enumerable.Range(1, 8).Select(i => ($"acc_other{i}", total / 20)));
        var owner = Actor.Create("usr_owner@bench.example", "owner@bench.example", PortalRoles.Owner);
        var benchOwner = Actor.Create("usr_owner.bench@bench.example", "owner.bench@bench.example", PortalRoles.Owner);
        var reviewer = Actor.Create("usr_reviewer@bench.example", "reviewer@bench.example", PortalRoles.Reviewer);
        if (reuse)
        {
            Console.WriteLine($"Started from a copy of {seeded}, seeded before.");
            await DescribeAsync(database, accounts, null);
        }
        else
        {
            await SeedAsync(database, accounts);
            if (seeded is not null)
            {
                File.Copy(database.FilePath, seeded);
            }
        }

        var largeListed = await CountAsync(database, n => n.AccountId == Large && n.Status != NumberStatus.Returned);
        var allListed = await CountAsync(database, n => n.Status != NumberStatus.Returned);
        var deep = largeListed * 9 / 10;
        var staffDeep = allListed * 9 / 10;
        var byNumber = new NumberFilter();
        var statusDown = new NumberFilter(Sort: NumberSort.Status, Descending: true);
        var afterDeep = await CursorAsync(database, n => n.AccountId == Large, byNumber, deep);
        var beforeDeep = await CursorAsync(database, n => n.AccountId == Large, byNumber, deep, before: true);
        var statusDeep = await CursorAsync(database, n => n.AccountId == Large, statusDown, deep);
        var staffAfterDeep = await CursorAsync(database, _ => true, byNumber, staffDeep);

        var grid = new Paging(Take: PageSize);
        var next = new Paging(Take: PageSize, WithTotal: false);
        var last = new Paging(Take: PageSize, WithTotal: false, FromEnd: true);
        var scenarios = new (string Name, Actor Actor, NumberFilter Filter, Paging Paging)[]
        {
            ("First page, sort by number, with total", owner, byNumber, grid),
            ($"Next page after row {deep:N0} (cursor: the grid's next page and the API)", owner, byNumber, next with { Cursor = afterDeep }),
            ($"Previous page before row {deep:N0} (cursor: the grid's previous page)", owner, byNumber, next with { Cursor = beforeDeep }),
            ("Last page (the deepest), from the end", owner, byNumber, last),
            ($"Offset page at row {ListNumbers.MaxOffset:N0} (the deepest offset), with total", owner, byNumber, grid with { Skip = ListNumbers.MaxOffset }),
            ("Status = Active, with total", owner, new NumberFilter(Status: NumberStatus.Active), grid),
            ("Country = GB, with total", owner, new NumberFilter(Country: "GB"), grid),
            ("Type = TollFree, with total", owner, new NumberFilter(Type: NumberType.TollFree), grid),
            ("Country = GB, last page", owner, new NumberFilter(Country: "GB"), last),
            ("Label search \"Sales 4\", with total", owner, new NumberFilter(Search: "Sales 4"), grid),
            ("Label search \"Sales 41\", with total", owner, new NumberFilter(Search: "Sales 41"), grid),
            ("Label search \"Sales 4\", last page", owner, new NumberFilter(Search: "Sales 4"), last),
            ("Digit search \"555012\", with total", owner, new NumberFilter(Search: "555012"), grid),
            ("Digit search \"415\" (an area code), with total", owner, new NumberFilter(Search: "415"), grid),
            ("Sort by purchase date descending, with total", owner, new NumberFilter(Sort: NumberSort.PurchasedAt, Descending: true), grid),
            ("Sort by label, with total", owner, new NumberFilter(Sort: NumberSort.Label), grid),
            ("Sort by country, with total", owner, new NumberFilter(Sort: NumberSort.Country), grid),
            ("Sort by type, with total", owner, new NumberFilter(Sort: NumberSort.Type), grid),
            ("Sort by status, with total", owner, new NumberFilter(Sort: NumberSort.Status), grid),
            ("Sort by monthly price, with total", owner, new NumberFilter(Sort: NumberSort.MonthlyPrice), grid),
            ("Sort by monthly price descending, last page", owner, new NumberFilter(Sort: NumberSort.MonthlyPrice, Descending: true), last),
            ("Sort by country descending, with total", owner, new NumberFilter(Sort: NumberSort.Country, Descending: true), grid),
            ($"Sort by status descending, next page after row {deep:N0}", owner, statusDown, next with { Cursor = statusDeep }),
            ("Sort by type descending, last page", owner, new NumberFilter(Sort: NumberSort.Type, Descending: true), last),
            ("Status = Released, sort by monthly price descending, with total", owner, new NumberFilter(Status: NumberStatus.Released, Sort: NumberSort.MonthlyPrice, Descending: true), grid),
            ("Status = ReleasePending, sort by label, with total", owner, new NumberFilter(Status: NumberStatus.ReleasePending, Sort: NumberSort.Label), grid),
            ("Staff, all accounts, with total", reviewer, byNumber, grid),
            ("Staff, all accounts, Country = GB, with total", reviewer, new NumberFilter(Country: "GB"), grid),
            ("Staff, all accounts, Type = Mobile, with total", reviewer, new NumberFilter(Type: NumberType.Mobile), grid),
            ("Staff, all accounts, Status = Released, last page", reviewer, new NumberFilter(Status: NumberStatus.Released), last),
            ("Staff, all accounts, label search \"Sales 4\", with total", reviewer, new NumberFilter(Search: "Sales 4"), grid),
            ("Staff, all accounts, Status = ReleasePending, sort by label, with total", reviewer, new NumberFilter(Status: NumberStatus.ReleasePending, Sort: NumberSort.Label), grid),
            ("Staff, all accounts, Status = Released, sort by monthly price descending, with total", reviewer, new NumberFilter(Status: NumberStatus.Released, Sort: NumberSort.MonthlyPrice, Descending: true), grid),
            ("Staff, all accounts, sort by purchase date descending, with total", reviewer, new NumberFilter(Sort: NumberSort.PurchasedAt, Descending: true), grid),
            ("Staff, all accounts, sort by label, last page", reviewer, new NumberFilter(Sort: NumberSort.Label), last),
            ($"Staff, all accounts, next page after row {staffDeep:N0}", reviewer, byNumber, next with { Cursor = staffAfterDeep }),
            ("Staff, all accounts, last page", reviewer, byNumber, last),
            ($"Staff, account {Bench}, with total", reviewer, new NumberFilter(Bench), grid),
            ($"Staff, account {Bench}, last page", reviewer, new NumberFilter(Bench), last),
            ("Staff, all accounts, digit search \"415\", with total", reviewer, new NumberFilter(Search: "415"), grid),
            ($"Staff, account {Bench}, digit search \"415\", with total", reviewer, new NumberFilter(Bench, Search: "415"), grid),
        };

        var listNumbers = database.Services.CreateScope().ServiceProvider.GetRequiredService<ListNumbers>();
        Console.WriteLine($"{WarmUp} warm-up runs and {Iterations} timed runs per scenario, {PageSize} rows per page. Owner: {Large}.");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Median ms | p95 ms | Rows returned | Total | p95 ≤ 20 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, actor, filter, paging) in scenarios)
        {
            Page<NumberRowView>? page = null;
            var (median, p95) = await TimeAsync(name, async () =>
            {
                var result = await listNumbers.HandleAsync(actor, filter, paging);
                page = result.IsSuccess ? result.Value : null;
                return result;
            });
            var shown = page!.TotalCount is { } t ? (page.TotalIsCapped ? "more than " : string.Empty) + t.ToString("N0") : "-";
            Console.WriteLine($"| {name} | {median:F1} | {p95:F1} | {page.Items.Count} | {shown} | {(p95 <= Target ? "met" : "missed")} |");
        }

        await BulkDryRunAsync(database, benchOwner, total / 10);
    }

    private static async Task SeedAsync(TestDatabase database, List<(string Id, int Count)> accounts)
    {
        var owner = await database.Given().OwnerAsync("owner@bench.example");
        var benchOwner = await database.Given().OwnerAsync("owner.bench@bench.example");
        await database.Given().ReviewerAsync("reviewer@bench.example");
        await database.Given().AccountAsync(Large, owner);
        await database.Given().AccountAsync(Bench, benchOwner);
        foreach (var (id, _) in accounts.Skip(2))
        {
            await database.Given().AccountAsync(id);
        }

        var seeding = Stopwatch.StartNew();
        var data = new BenchData(database.Now);
        foreach (var (id, count) in accounts)
        {
            await data.InsertAsync(database, id, count);
        }

        seeding.Stop();
        await DescribeAsync(database, accounts, seeding.Elapsed);
    }

    private static async Task DescribeAsync(TestDatabase database, List<(string Id, int Count)> accounts, TimeSpan? seeding)
    {
        await using var db = database.NewContext();
        var statuses = await db.PhoneNumbers.GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var took = seeding is { } elapsed ? $" in {elapsed.TotalSeconds:F1} s" : string.Empty;
        Console.WriteLine($"Inserted {accounts.Sum(a => a.Count):N0} numbers{took}: " + string.Join(", ", accounts.Select(a => $"{a.Id} {a.Count:N0}")));
        Console.WriteLine("Statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count:N0}")));
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

    private static async Task<int> CountAsync(TestDatabase database, System.Linq.Expressions.Expression<Func<PhoneNumber, bool>> where)
    {
        await using var db = database.NewContext();
        return await db.PhoneNumbers.CountAsync(where);
    }

    /// <summary>The cursor the list gives for the row at <paramref name="position"/> of a listing in the filter's order.</summary>
    private static async Task<string> CursorAsync(
        TestDatabase database, System.Linq.Expressions.Expression<Func<PhoneNumber, bool>> where, NumberFilter filter, int position, bool before = false)
    {
        await using var db = database.NewContext();
        var listed = db.PhoneNumbers.AsNoTracking().Where(where).Where(n => n.Status != NumberStatus.Returned);
        var sorted = filter.Sort == NumberSort.Status
            ? (filter.Descending ? listed.OrderByDescending(n => n.Status).ThenByDescending(n => n.E164).ThenByDescending(n => n.Id) : listed.OrderBy(n => n.Status).ThenBy(n => n.E164).ThenBy(n => n.Id))
            : listed.OrderBy(n => n.E164).ThenBy(n => n.Id);
        var n = await sorted.Skip(position).FirstAsync();
        var row = new NumberRowView(n.Id, n.AccountId, n.E164, n.Label, n.CountryCode, n.Type, n.Status, n.MonthlyPrice, n.PurchasedAt, n.NextBillingAt, n.A2pStatus, 0);
        return before ? NumberKeyset.Before(row, filter) : NumberKeyset.After(row, filter);
    }

    /// <summary>The dry run of a bulk release: 1,000 numbers spread over the whole account, each judged as a single request would be.</summary>
    private static async Task BulkDryRunAsync(TestDatabase database, Actor owner, int count)
    {
        List<string> bulk;
        await using (var db = database.NewContext())
        {
            // One less than the even spread, so the picks do not all fall on the same place in the data's repeating patterns.
            var step = Math.Max((count / PreviewBulkRelease.MaxNumbers) - 1, 1);
            bulk = [.. (await db.PhoneNumbers.AsNoTracking().Where(n => n.AccountId == Bench).OrderBy(n => n.Id).Select(n => n.E164).ToListAsync())
                .Where((_, i) => i % step == 0).Take(PreviewBulkRelease.MaxNumbers)];
        }

        var previewBulk = database.Services.CreateScope().ServiceProvider.GetRequiredService<PreviewBulkRelease>();
        BulkPreviewView? verdicts = null;
        var (median, p95) = await TimeAsync("Bulk dry run", async () =>
        {
            var result = await previewBulk.HandleAsync(owner, Bench, bulk, ReleaseTiming.Now);
            verdicts = result.IsSuccess ? result.Value : null;
            return result;
        });
        Console.WriteLine();
        Console.WriteLine("| Scenario | Median ms | p95 ms | Numbers | Releasable | Target p95 ≤ 1,000 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        Console.WriteLine($"| Bulk release dry run of {bulk.Count:N0} numbers of {Bench} | {median:F1} | {p95:F1} | {verdicts!.Results.Count:N0} | {verdicts.Summary.Releasable:N0} | {(p95 <= 1000 ? "met" : "missed")} |");
        Console.WriteLine($"Blocked: {string.Join(", ", verdicts.Summary.BlockedBy.Select(b => $"{b.Value:N0} × {b.Key}"))}");
    }

    /// <summary>Runs a call <see cref="WarmUp"/> times untimed, then <see cref="Iterations"/> times timed: the median and p95, in ms.</summary>
    private static async Task<(double Median, double P95)> TimeAsync(string name, Func<Task<Result>> call)
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

        return (Stats.Percentile(times, 0.5), Stats.Percentile(times, 0.95));
    }
}
