using AdminPortal.Application.Common;
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
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AdminPortal.Infrastructure.Persistence;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IPortalDbContext
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AccountMember> AccountMembers => Set<AccountMember>();

    public DbSet<PhoneNumber> PhoneNumbers => Set<PhoneNumber>();

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

    /// <summary>
    /// New audit events are chained to the newest one in the same transaction, which SQLite begins IMMEDIATE (holding the
    /// write lock from its start), so two saves cannot both chain to the same event.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var added = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
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
        catch (DbUpdateException ex) when (StoreConflicts.IsUniqueViolation(ex))
        {
            return Errors.Concurrent();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every time is stored as UTC and read back marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
