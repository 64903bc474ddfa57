using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Npgsql;

namespace AdminPortal.Infrastructure.Persistence;

/// <summary>The shared database of several portal instances.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>The advisory lock that orders audit events: any 64-bit number the portal owns.</summary>
    private const long AuditChainLock = 0x41_75_64_69_74;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        // Keyset cursors of the numbers list compare these enum names ordinally (NumberKeyset), as SQLite sorts them.
        builder.Entity<PhoneNumber>().Property(n => n.Status).UseCollation("C");
        builder.Entity<PhoneNumber>().Property(n => n.Type).UseCollation("C");
    }

    /// <summary>lower(), the expression the trigram indexes are built on (<see cref="PostgresSql.CreateSearchIndexes"/>).</summary>
    protected override SqlExpression Fold(SqlExpression text) =>
        new SqlFunctionExpression("lower", [text], nullable: true, argumentsPropagateNullability: [true], typeof(string), text.TypeMapping);

    public override bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        };

    /// <summary>
    /// Writers of audit events queue on one transaction-scoped advisory lock: the chain gets one successor per event, and
    /// ids (drawn from a sequence after the lock) commit in order, so a reader's cursor never passes an event still in flight.
    /// </summary>
    protected override Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", cancellationToken);
}
