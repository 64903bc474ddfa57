using AdminPortal.Application.Common;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Releases;
using AdminPortal.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Notifications;

/// <summary>
/// Reads the audit trail after its cursor and turns release events into bell lines, queued e-mails and webhook deliveries.
/// The audit trail is the outbox: each change wrote its event in its own transaction, so none is lost if the process
/// stops; what is made of a batch of events is saved together with the cursor's move, so each is handled once.
/// </summary>
public sealed class FanOutEvents(IPortalDbFactory dbFactory, IUserDirectory directory, TimeProvider time, IOptions<NotificationOptions> options)
{
    public const int BatchSize = 200;

    /// <summary>Handles the next batch; the number of audit events read (0 when there were none).</summary>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var cursor = await db.EventCursors.SingleOrDefaultAsync(c => c.Name == EventCursor.FanOut, ct);
        if (cursor is null)
        {
            cursor = new EventCursor(EventCursor.FanOut, 0);
            db.EventCursors.Add(cursor);
        }

        var from = cursor.LastEventId;
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Id > from).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (events.Count == 0)
        {
            return 0;
        }

        var releases = events.Where(e => e.PhoneNumberId.Length > 0).ToList();
        var accountIds = releases.Select(e => e.AccountId).Distinct().ToList();
        var owners = await Announcer.OwnersAsync(db, directory, accountIds, ct);
        var staff = releases.Any(e => e.Action == AuditAction.ReleaseRequested) ? await Announcer.StaffAsync(directory, ct) : [];
        var requestIds = releases.Where(e => e.Action == AuditAction.ReleaseRequested).Select(e => e.ReleaseRequestId).ToList();
        var stillPending = await db.ReleaseRequests.Where(r => requestIds.Contains(r.Id) && r.Status == ReleaseRequestStatus.Pending).Select(r => r.Id).ToListAsync(ct);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => accountIds.Contains(w.AccountId) && w.DisabledAt == null).ToListAsync(ct);
        var now = time.UtcNow();
        var announcer = new Announcer(db, options.Value, now);
        await announcer.LoadPreferencesAsync([.. owners.SelectMany(g => g).Select(u => u.Id), .. staff.Select(u => u.Id)], ct);

        foreach (var e in releases)
        {
            var key = $"evt_{e.Id}";
            var link = $"numbers/{e.PhoneNumberId}";
            if (ReleaseEvents.ForOwners(e.Action) is { } kind)
            {
                foreach (var owner in owners[e.AccountId].Where(o => o.Id != e.ActorId))
                {
                    await announcer.AnnounceAsync(owner, kind, e.AccountId, ReleaseEvents.Text(kind, e), link, key, ct, e.OccurredAt);
                }
            }

            // A request approved at once never waits in the queue.
            if (e.Action == AuditAction.ReleaseRequested && stillPending.Contains(e.ReleaseRequestId!))
            {
                foreach (var reviewer in staff.Where(s => s.Id != e.ActorId))
                {
                    await announcer.AnnounceAsync(reviewer, NotificationKind.NewRequest, e.AccountId, ReleaseEvents.Text(NotificationKind.NewRequest, e), "review", key, ct, e.OccurredAt);
                }
            }

            foreach (var type in ReleaseEvents.WebhookTypes(e.Action))
            {
                foreach (var endpoint in endpoints.Where(w => w.AccountId == e.AccountId && w.Subscribes(type)))
                {
                    db.WebhookDeliveries.Add(new WebhookDelivery(endpoint.Id, e.AccountId, ReleaseEvents.EventId(e, type), type, ReleaseEvents.Payload(e, type), now));
                }
            }
        }

        cursor.LastEventId = events[^1].Id;
        var saved = await db.CommitAsync(ct);
        return saved.IsSuccess ? events.Count : 0;
    }
}
