using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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

    public override bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    /// <summary>Nothing to do: SQLite begins the transaction IMMEDIATE, holding the write lock from its start.</summary>
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
