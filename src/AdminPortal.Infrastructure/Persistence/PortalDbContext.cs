using AdminPortal.Application.Common;
using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Infrastructure.Api;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Messages;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Webhooks;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AdminPortal.Infrastructure.Persistence;

/// <summary>
/// The portal's model, shared by one subclass per database provider (<see cref="SqlitePortalDbContext"/>,
/// <see cref="PostgresPortalDbContext"/>), each with its own migrations. Nothing outside Infrastructure knows which one runs.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IPortalDbContext, IDataProtectionKeyContext
{
    /// <summary>The writer's turn of a <see cref="BeginSerializedAsync"/> transaction, given back at the latest with this context.</summary>
    private IDisposable? _turn;

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountMember> AccountMembers => Set<AccountMember>();

    public DbSet<PhoneNumber> PhoneNumbers => Set<PhoneNumber>();

    public IQueryable<NumberTally> NumberTallies => Set<NumberTally>().AsNoTracking();

    /// <summary>None here: the provider with a text index answers (<see cref="SqlitePortalDbContext"/>).</summary>
    public virtual Task<TextMatches?> NumbersContainingAsync(string label, string? digits, int limit, CancellationToken ct) =>
        Task.FromResult<TextMatches?>(null);

    public DbSet<ReleaseRequest> ReleaseRequests => Set<ReleaseRequest>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<QueuedMail> QueuedMails => Set<QueuedMail>();

    public DbSet<EventCursor> EventCursors => Set<EventCursor>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Throttling.CounterWindow> CounterWindows => Set<Throttling.CounterWindow>();

    /// <summary>Data-protection keys, used when several instances share one database (PostgreSQL).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// New audit events are chained to the newest one in the same transaction, after <see cref="LockAuditChainAsync"/>,
    /// so two saves cannot both chain to the same event, and events become visible in the order of their ids (the fan-out
    /// reads them with a cursor).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Within a transaction of BeginSerializedAsync the writer's turn is taken already.
        using var turn = Database.CurrentTransaction is null && ChangeTracker.HasChanges() ? await TakeWriterTurnAsync(cancellationToken) : null;
        var added = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await LockAuditChainAsync(cancellationToken);
        var previous = await AuditEvents.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(cancellationToken);
        foreach (var audit in added)
        {
            audit.Seal(previous);
            previous = audit.Hash;
        }

        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public async Task<Result> CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Errors.Concurrent();
        }
        catch (DbUpdateException ex) when (IsConflict(ex))
        {
            return Errors.Concurrent();
        }
    }

    /// <summary>Applies pending migrations of this provider.</summary>
    public virtual Task MigrateAsync(CancellationToken cancellationToken = default) => Database.MigrateAsync(cancellationToken);

    /// <summary>
    /// A transaction that waits for every other one begun here, and for every audit write, to end: for changes whose rule
    /// spans rows that no single row version guards (such as "at least one administrator stays").
    /// </summary>
    public async Task<IDbContextTransaction> BeginSerializedAsync(CancellationToken cancellationToken)
    {
        _turn = await TakeWriterTurnAsync(cancellationToken);
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await LockAuditChainAsync(cancellationToken);
        return _turn is null ? transaction : new WriterTurns.Held(transaction, _turn);
    }

    public override void Dispose()
    {
        _turn?.Dispose();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _turn?.Dispose();
        return base.DisposeAsync();
    }

    /// <summary>Waits for this writer's turn among the process's writers (<see cref="WriterTurns"/>); none where the database queues its writers itself.</summary>
    protected virtual ValueTask<IDisposable?> TakeWriterTurnAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Holds the audit chain (and <see cref="BeginSerializedAsync"/>'s writers) until the transaction ends.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken cancellationToken);

    /// <summary>Whether the database refused a save because another one got there first (a unique index it filled, a lost serialization).</summary>
    public abstract bool IsConflict(DbUpdateException exception);

    /// <summary>
    /// A save or command that fails is not an error of its own: the caller either handles it (a conflict told as
    /// CONCURRENT_UPDATE, a lost race for an idempotency key) or lets it go up, where the API's exception handler, the
    /// circuit and the background jobs log it once, with the request it failed. Failed queries are still errors here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(TextSearch.Fold))!).HasTranslation(args => Fold(args[0]));
    }

    /// <summary>How this database folds ASCII case for <see cref="TextSearch.Fold"/>.</summary>
    protected abstract SqlExpression Fold(SqlExpression text);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored as UTC and read back marked as UTC (SQLite keeps no time zone; PostgreSQL's timestamptz wants UTC).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
