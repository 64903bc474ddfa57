using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Messages;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Webhooks;
using AdminPortal.Domain.Numbers;
using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Common;

/// <summary>The portal's data as the use cases see it; one instance per operation.</summary>
public interface IPortalDbContext : IAsyncDisposable
{
    DbSet<Account> Accounts { get; }

    DbSet<AccountMember> AccountMembers { get; }

    DbSet<PhoneNumber> PhoneNumbers { get; }

    /// <summary>Numbers per account, status, country and type, kept by the database (read only).</summary>
    IQueryable<NumberTally> NumberTallies { get; }

    /// <summary>
    /// Numbers whose label contains <paramref name="label"/> or whose number contains <paramref name="digits"/>, found
    /// through a text index: all of them when at most <paramref name="limit"/> numbers of the whole platform match, else
    /// the first <paramref name="limit"/> in the index's order (a scan in list order then finds a page sooner); null when
    /// the database has no such index or the text is too short for it.
    /// </summary>
    Task<TextMatches?> NumbersContainingAsync(string label, string? digits, int limit, CancellationToken ct);

    DbSet<ReleaseRequest> ReleaseRequests { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<ApiKey> ApiKeys { get; }

    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<QueuedMail> QueuedMails { get; }

    DbSet<EventCursor> EventCursors { get; }

    DbSet<WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves every change in one transaction. A concurrent change to the same rows (a stale version token, or a unique
    /// index another save filled first) is CONCURRENT_UPDATE and nothing is stored; how the database says so is the
    /// persistence's business.
    /// </summary>
    Task<Result> CommitAsync(CancellationToken cancellationToken = default);
}

public interface IPortalDbFactory
{
    Task<IPortalDbContext> CreateAsync(CancellationToken cancellationToken = default);
}

/// <summary>Numbers a text index found: every match when <see cref="All"/>, else only the index's first ones.</summary>
public sealed record TextMatches(IQueryable<PhoneNumber> Numbers, bool All);
