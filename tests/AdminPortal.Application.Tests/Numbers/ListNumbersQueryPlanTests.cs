using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Numbers;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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

    private static readonly Dictionary<string, (bool Staff, NumberFilter Filter, Func<string, Paging> Paging, bool SortedByIndex)> Lists = new()
    {
        ["first page in number order"] = (false, new NumberFilter(), _ => new Paging(Take: 50), true),
        ["offset page deep in the list"] = (false, new NumberFilter(), _ => new Paging(Skip: 900, Take: 50), true),
        ["keyset page after a cursor"] = (false, new NumberFilter(Cast.AccountId), cursor => new Paging(Take: 50, Cursor: cursor, WithTotal: false), true),
        ["status filter"] = (false, new NumberFilter(Status: NumberStatus.Active), _ => new Paging(Take: 50), true),
        ["country filter"] = (false, new NumberFilter(Country: "GB"), _ => new Paging(Take: 50), true),
        ["type filter"] = (false, new NumberFilter(Type: NumberType.TollFree), _ => new Paging(Take: 50), true),
        ["label search"] = (false, new NumberFilter(Search: "Sales"), _ => new Paging(Take: 50), true),
        ["sort by purchase date"] = (false, new NumberFilter(Sort: NumberSort.PurchasedAt), _ => new Paging(Take: 50), true),
        ["sort by label"] = (false, new NumberFilter(Sort: NumberSort.Label), _ => new Paging(Take: 50), false),
        ["dearest first, deep"] = (false, new NumberFilter(Sort: NumberSort.MonthlyPrice, Descending: true), _ => new Paging(Skip: 450, Take: 50), true),
        ["staff over every account"] = (true, new NumberFilter(), _ => new Paging(Take: 50), true),
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Every_query_of_the_list_reads_phone_numbers_through_an_index(string scenario)
    {
        var commands = new CommandRecorder();
        await using var db = await TestDatabase.CreateAsync(configure: TestDatabase.Intercepted(commands));
        var portal = await Portal.CreateAsync(db);
        var numbers = await portal.NumberAsync("+14155550100");
        var (staff, filter, paging, sortedByIndex) = Lists[scenario];

        commands.Clear();
        (await db.Get<ListNumbers>().HandleAsync(staff ? portal.Reviewer : portal.Owner, filter, paging(Cursor.Encode(numbers.E164, numbers.Id)), Ct)).Succeeded();

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
