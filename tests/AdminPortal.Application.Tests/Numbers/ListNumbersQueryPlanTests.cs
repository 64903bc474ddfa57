using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Numbers;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AdminPortal.Application.Tests.Numbers;

/// <summary>
/// The numbers grid stays fast at 100,000 numbers only while the database reads phone numbers through an index
/// (docs/performance.md). These tests ask the database for the plan of every query the list runs, so a query or index
/// change that falls back to reading the whole table fails here rather than in production. PostgreSQL is asked with
/// sequential scans priced out (a tiny table would otherwise be scanned): it scans only when no index can answer.
/// </summary>
public sealed partial class ListNumbersQueryPlanTests
{
    public static TheoryData<string> Scenarios => new(Lists.Keys);

    private static readonly Paging FirstPage = new(Take: 50);

    private static readonly NumberFilter ReleasedByPriceDown = new(Status: NumberStatus.Released, Sort: NumberSort.MonthlyPrice, Descending: true);

    /// <summary>Each scenario's paging is made from a page in the middle of the same list, whose cursors lead both ways.</summary>
    private static readonly Dictionary<string, (bool Staff, NumberFilter Filter, Func<Page<NumberRowView>, Paging> Paging, bool SortedByIndex)> Lists = new()
    {
        ["first page in number order"] = (false, new NumberFilter(), _ => FirstPage, true),
        ["offset page deep in the list"] = (false, new NumberFilter(), _ => new Paging(Skip: 900, Take: 50), true),
        ["keyset page after a cursor, one account"] = (false, new NumberFilter(Cast.AccountId), p => new Paging(Take: 50, Cursor: p.NextCursor, WithTotal: false), true),
        ["status filter"] = (false, new NumberFilter(Status: NumberStatus.Active), _ => FirstPage, true),
        ["country filter"] = (false, new NumberFilter(Country: "GB"), _ => FirstPage, true),
        ["type filter"] = (false, new NumberFilter(Type: NumberType.TollFree), _ => FirstPage, true),
        // Matches through the text index are few (at most 1,000 on the whole platform): sorting them is cheap.
        ["label search through the text index"] = (false, new NumberFilter(Search: "Sales"), _ => FirstPage, false),
        ["digit search through the text index"] = (false, new NumberFilter(Search: "555 01"), _ => FirstPage, false),
        ["label search too short for the text index"] = (false, new NumberFilter(Search: "Sa"), _ => FirstPage, true),
        ["staff over every account"] = (true, new NumberFilter(), _ => FirstPage, true),
        ["staff over every account, next page"] = (true, new NumberFilter(), p => new Paging(Take: 50, Cursor: p.NextCursor, WithTotal: false), true),
        ["staff over every account, last page"] = (true, new NumberFilter(), _ => new Paging(Take: 50, FromEnd: true), true),
        ["label search too short for the text index, last page"] = (false, new NumberFilter(Search: "Sa"), _ => new Paging(Take: 50, FromEnd: true), true),
        ["staff label search too short for the text index"] = (true, new NumberFilter(Search: "Sa"), _ => FirstPage, true),
        ["staff over every account, country filter"] = (true, new NumberFilter(Country: "GB"), _ => FirstPage, true),
        ["staff over every account, type filter"] = (true, new NumberFilter(Type: NumberType.Mobile), _ => FirstPage, true),
        ["staff over every account, status filter"] = (true, new NumberFilter(Status: NumberStatus.Released), _ => FirstPage, true),
        // A status filter with another sort reads the status's index and sorts its numbers when they are few.
        ["status filter, sort by monthly price descending"] = (false, new NumberFilter(Status: NumberStatus.Released, Sort: NumberSort.MonthlyPrice, Descending: true), _ => FirstPage, false),
        ["staff over every account, status filter, sort by label"] = (true, new NumberFilter(Status: NumberStatus.ReleasePending, Sort: NumberSort.Label), _ => FirstPage, false),
        ["staff over every account, a status by monthly price descending"] = (true, ReleasedByPriceDown, _ => FirstPage, true),
        ["staff over every account, a status by monthly price descending, next page"] = (true, ReleasedByPriceDown, p => new Paging(Take: 50, Cursor: p.NextCursor, WithTotal: false), true),
        ["staff over every account, a status by monthly price descending, last page"] = (true, ReleasedByPriceDown, _ => new Paging(Take: 50, FromEnd: true), true),
    };

    static ListNumbersQueryPlanTests()
    {
        foreach (var sort in Enum.GetValues<NumberSort>())
        {
            foreach (var descending in new[] { false, true })
            {
                var filter = new NumberFilter(Sort: sort, Descending: descending);
                var name = $"sort by {sort}{(descending ? " descending" : string.Empty)}";
                Lists[$"{name}, first page"] = (false, filter, _ => FirstPage, true);
                Lists[$"{name}, next page"] = (false, filter, p => new Paging(Take: 50, Cursor: p.NextCursor, WithTotal: false), true);
                Lists[$"{name}, previous page"] = (false, filter, p => new Paging(Take: 50, Cursor: p.PreviousCursor, WithTotal: false), true);
                Lists[$"{name}, last page"] = (false, filter, _ => new Paging(Take: 50, FromEnd: true), true);
                Lists[$"staff over every account, {name}, next page"] = (true, filter, p => new Paging(Take: 50, Cursor: p.NextCursor, WithTotal: false), true);
                Lists[$"staff over every account, {name}, last page"] = (true, filter, _ => new Paging(Take: 50, FromEnd: true), true);
            }
        }
    }

    public static TheoryData<string> StatusWithAnotherSort => new(Lists.Keys.Where(k => k.Contains("status filter, sort by", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Every_query_of_the_list_reads_phone_numbers_through_an_index(string scenario) =>
        AssertReadThroughIndexesAsync(scenario, db => db.Get<ListNumbers>());

    /// <summary>
    /// A status with many numbers is looked for along the sort's index (on SQLite: one query reads through that index),
    /// then (here, short of a page) sorted.
    /// </summary>
    [Theory]
    [MemberData(nameof(StatusWithAnotherSort))]
    public async Task A_status_walked_along_the_sorts_index_reads_phone_numbers_through_that_index(string scenario)
    {
        var plans = await AssertReadThroughIndexesAsync(scenario, db => new ListNumbers(db.Services.GetRequiredService<IPortalDbFactory>()) { SortedStatusLimit = -1 });
        var column = Lists[scenario].Filter.Sort switch
        {
            NumberSort.Label => "Label",
            NumberSort.MonthlyPrice => "MonthlyPriceCents",
            _ => "PurchasedAt",
        };
        Assert.True(TestDatabase.OnPostgres || plans.Any(plan => plan.Any(step => SortIndex(column).IsMatch(step.Detail))), $"no query read the {column} index");
    }

    /// <summary>
    /// A status with few numbers is sorted by label, date or price from its own index, which holds those keys: reading each
    /// number's key from the table instead costs about 1.5 µs a number (docs/performance.md).
    /// </summary>
    [Theory]
    [MemberData(nameof(StatusWithAnotherSort))]
    public async Task A_status_sorted_by_another_key_is_read_from_the_statuss_index_alone(string scenario)
    {
        var plans = await AssertReadThroughIndexesAsync(scenario, db => db.Get<ListNumbers>());
        Assert.True(
            TestDatabase.OnPostgres || plans.Any(plan => plan.Any(step => StatusIndex().IsMatch(step.Detail))),
            "no query read the status's index alone: " + string.Join(" / ", plans.SelectMany(plan => plan.Select(step => step.Detail))));
    }

    public static TheoryData<string> StaffStatusByPrice => new(Lists.Keys.Where(k => k.Contains("a status by monthly price", StringComparison.Ordinal)));

    /// <summary>
    /// Staff's status over every account sorted by price is read in that order from an index of its own: sorting the
    /// status's 20,000 numbers of a platform for each page missed the grid's target on PostgreSQL (docs/performance.md).
    /// </summary>
    [Theory]
    [MemberData(nameof(StaffStatusByPrice))]
    public async Task Staffs_status_by_price_is_read_in_price_order_from_the_status_and_price_index(string scenario)
    {
        var plans = await AssertReadThroughIndexesAsync(scenario, db => db.Get<ListNumbers>());
        Assert.True(
            TestDatabase.OnPostgres || plans.Any(plan => plan.Any(step => step.Detail.Contains("INDEX IX_PhoneNumbers_Status_MonthlyPriceCents_E164_Id", StringComparison.Ordinal))),
            "no query read the status and price index: " + string.Join(" / ", plans.SelectMany(plan => plan.Select(step => step.Detail))));
    }

    [GeneratedRegex("USING COVERING INDEX IX_PhoneNumbers_(AccountId_)?Status_E164_Id_")]
    private static partial Regex StatusIndex();

    private static Regex SortIndex(string column) => new($"USING (COVERING )?INDEX IX_PhoneNumbers_(AccountId_)?{column}_E164_Id\\b");

    /// <returns>The plans of the list's queries (on SQLite).</returns>
    private static async Task<List<IReadOnlyList<PlanStep>>> AssertReadThroughIndexesAsync(string scenario, Func<TestDatabase, ListNumbers> lister)
    {
        var plans = new List<IReadOnlyList<PlanStep>>();
        var commands = new CommandRecorder();
        await using var db = await TestDatabase.CreateAsync(configure: TestDatabase.Intercepted(commands));
        var portal = await Portal.CreateAsync(db);
        await portal.NumberAsync("+14155550100");
        await portal.NumberAsync("+14155550101", shape: n => n.MarkReleasePending());
        await portal.NumberAsync("+442071838750");
        await portal.NumberAsync("+14155550102", accountId: Cast.OtherAccountId);
        var (staff, filter, paging, sortedByIndex) = Lists[scenario];
        var actor = staff ? portal.Reviewer : portal.Owner;
        var middle = (await lister(db).HandleAsync(actor, filter, new Paging(Skip: 1, Take: 1), Ct)).Succeeded();

        commands.Clear();
        (await lister(db).HandleAsync(actor, filter, paging(middle), Ct)).Succeeded();

        var listQueries = commands.Recorded.Where(c => PhoneNumberAliases(c.Sql).Any()).ToList();
        Assert.NotEmpty(listQueries);

        foreach (var (sql, parameters) in listQueries)
        {
            if (TestDatabase.OnPostgres)
            {
                var lines = await ExplainOnPostgresAsync(db.ConnectionString, sql, parameters);
                Assert.DoesNotContain(lines, line => line.Contains("Seq Scan on \"PhoneNumbers\"", StringComparison.Ordinal));
                continue;
            }

            var plan = await ExplainAsync(db.FilePath, sql, parameters);
            plans.Add(plan);
            foreach (var alias in PhoneNumberAliases(sql))
            {
                Assert.DoesNotContain(plan, step => step.Detail == $"SCAN {alias}");
            }

            // The page's ids come in index order; only the page itself (at most 51 rows) may be sorted afterwards.
            if (sortedByIndex)
            {
                Assert.DoesNotContain(plan, step => step.Detail.Contains("TEMP B-TREE", StringComparison.Ordinal) && InsideSubquery(plan, step));
            }
        }

        return plans;
    }

    private static bool InsideSubquery(IReadOnlyList<PlanStep> plan, PlanStep step)
    {
        for (var parent = step.Parent; parent != 0; parent = plan.Single(p => p.Id == parent).Parent)
        {
            if (plan.Single(p => p.Id == parent).Detail.StartsWith("CO-ROUTINE", StringComparison.Ordinal)
                || plan.Single(p => p.Id == parent).Detail.StartsWith("MATERIALIZE", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The aliases under which a query reads the PhoneNumbers table.</summary>
    private static IEnumerable<string> PhoneNumberAliases(string sql) =>
        PhoneNumbersTable().Matches(sql).Select(m => m.Groups["alias"].Value).Distinct();

    private static async Task<IReadOnlyList<PlanStep>> ExplainAsync(string file, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var steps = new List<PlanStep>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            steps.Add(new PlanStep(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        }

        return steps;
    }

    private static async Task<IReadOnlyList<string>> ExplainOnPostgresAsync(string connectionString, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using (var priced = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await priced.ExecuteNonQueryAsync(Ct);
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private sealed record PlanStep(int Id, int Parent, string Detail);

    [GeneratedRegex("\"PhoneNumbers\" AS \"?(?<alias>\\w+)\"?")]
    private static partial Regex PhoneNumbersTable();

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> _commands = new();

        public IReadOnlyList<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Recorded => [.. _commands];

        public void Clear() => _commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _commands.Enqueue((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
