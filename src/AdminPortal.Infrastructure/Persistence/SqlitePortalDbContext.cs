using AdminPortal.Application.Common;
using AdminPortal.Domain.Numbers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace AdminPortal.Infrastructure.Persistence;

/// <summary>The embedded default: one file, one writer at a time.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    /// <summary>Also switches the file to write-ahead logging (a setting SQLite keeps in the file).</summary>
    public override async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await base.MigrateAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    /// <summary>The column itself: SQLite's LIKE ignores ASCII case already, as its lower() folds only ASCII.</summary>
    protected override SqlExpression Fold(SqlExpression text) => text;

    public override bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    /// <summary>The FTS5 trigram index (<see cref="SqliteSql.CreateNumberSearch"/>) when the text is long enough for it.</summary>
    public override async Task<TextMatches?> NumbersContainingAsync(string label, string? digits, int limit, CancellationToken ct)
    {
        if (label.EnumerateRunes().Count() < MinTrigram || digits is { Length: < MinTrigram })
        {
            return null;
        }

        var match = digits is null ? $"Label : {Phrase(label)}" : $"E164 : {Phrase(digits)} OR Label : {Phrase(label)}";
        var matches = await Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM (SELECT 1 FROM \"NumberSearch\" WHERE \"NumberSearch\" MATCH {match} LIMIT {limit + 1})")
            .SingleAsync(ct);
        // CROSS JOIN keeps the text index as the outer loop: the planner would otherwise walk the account's numbers and probe.
        // All of them (LIMIT -1) when few: numbers added since the count above are then not cut off.
        var all = matches <= limit;
        var numbers = PhoneNumbers.FromSql(
            $"SELECT p.* FROM (SELECT \"NumberId\" FROM \"NumberSearch\" WHERE \"NumberSearch\" MATCH {match} LIMIT {(all ? -1 : limit)}) AS s CROSS JOIN \"PhoneNumbers\" AS p ON p.\"Id\" = s.\"NumberId\"");
        return new TextMatches(numbers, all);
    }

    private const int MinTrigram = 3;

    /// <summary>An FTS5 string: the text taken literally, its double quotes doubled (a NUL, which would end it, replaced).</summary>
    private static string Phrase(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal).Replace('\0', '\uFFFD')}\"";

    protected override ValueTask<IDisposable?> TakeWriterTurnAsync(CancellationToken cancellationToken) =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<WriterTurns>().FirstOrDefault() is { } turns
            ? turns.TakeAsync(new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource, cancellationToken)
            : ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Nothing to do: SQLite begins the transaction IMMEDIATE, holding the write lock from its start.</summary>
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
