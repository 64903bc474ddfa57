using AdminPortal.Application.Common;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Notifications;

/// <summary>An e-mail as a transport takes it; a secret link (an invitation) travels apart from the text.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string? SecretLink = null);

/// <summary>How e-mail leaves the portal: SMTP, or the outbox administrators read.</summary>
public interface IMailTransport
{
    Task<Result> SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>What one try to deliver a webhook gave: the HTTP status (none when no answer came), how long it took, why it failed.</summary>
public sealed record WebhookAnswer(int? StatusCode, long LatencyMs, string? Error);

/// <summary>Posts signed events to platforms' endpoints.</summary>
public interface IWebhookSender
{
    Task<WebhookAnswer> SendAsync(string url, string secret, string eventId, string eventType, string payload, CancellationToken ct);
}

/// <summary>Signing secrets: made at random, kept encrypted.</summary>
public interface IWebhookSecrets
{
    (string Secret, string Protected) Create();

    string Reveal(string protectedSecret);
}

/// <summary>
/// Every portal instance runs the senders: the one that moves an item's next attempt on (one conditional update) sends
/// it, the others skip it. The lease runs from the claim, not from the start of the batch, so a slow batch does not hand
/// its last items to another instance. Should that instance stop before saving the outcome, the item is due again after
/// the lease.
/// </summary>
public static class DeliveryClaim
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public static async Task<bool> TakeAsync<T>(IQueryable<T> due, System.Linq.Expressions.Expression<Func<T, DateTime?>> nextAttempt, DateTime now, CancellationToken ct) =>
        await due.ExecuteUpdateAsync(set => set.SetProperty(nextAttempt, now + Lease), ct) == 1;
}

/// <summary>Sends the queued e-mails that are due; a failure waits longer each time (see <see cref="QueuedMail.Failed"/>).</summary>
public sealed class DeliverQueuedMail(IPortalDbFactory dbFactory, IMailTransport transport, TimeProvider time)
{
    public const int BatchSize = 50;

    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var due = await db.QueuedMails.Where(m => m.NextAttemptAt != null && m.NextAttemptAt <= now).OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var mail in due)
        {
            if (!await DeliveryClaim.TakeAsync(db.QueuedMails.Where(m => m.Id == mail.Id && m.NextAttemptAt == mail.NextAttemptAt), m => m.NextAttemptAt, time.UtcNow(), ct))
            {
                continue;
            }

            var result = await transport.SendAsync(new OutgoingMail(mail.To, mail.Subject, mail.Body), ct);
            if (result.IsSuccess)
            {
                mail.Sent(now);
                sent++;
            }
            else
            {
                mail.Failed(result.Error.Message, now);
            }

            await db.CommitAsync(ct);
        }

        return sent;
    }
}

/// <summary>
/// Delivers the webhook events that are due: at least once (a crash between the post and saving its answer means the
/// event is posted again, with the same id), retried with growing pauses for 24 hours; then the endpoint is turned off,
/// which is audited, and its account's owners are told.
/// </summary>
public sealed class DeliverWebhooks(
    IPortalDbFactory dbFactory, IUserDirectory directory, IWebhookSender sender, IWebhookSecrets secrets, TimeProvider time, IOptions<NotificationOptions> options)
{
    public const int BatchSize = 50;

    /// <summary>Deliveries of one endpoint in a pass: a slow or silent endpoint with a backlog does not hold up the others'.</summary>
    public const int PerEndpoint = 3;

    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var waiting = db.WebhookDeliveries.Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now);
        var waitingEndpoints = await waiting.GroupBy(d => d.EndpointId).Select(g => new { Endpoint = g.Key, Oldest = g.Min(d => d.Id) })
            .OrderBy(e => e.Oldest).Take(BatchSize).Select(e => e.Endpoint).ToListAsync(ct);
        var due = new List<WebhookDelivery>();
        foreach (var endpointId in waitingEndpoints)
        {
            due.AddRange(await waiting.Where(d => d.EndpointId == endpointId).OrderBy(d => d.Id).Take(PerEndpoint).ToListAsync(ct));
        }

        due = [.. due.OrderBy(d => d.Id).Take(BatchSize)];
        var endpointIds = due.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.Where(w => endpointIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var delivered = 0;
        foreach (var delivery in due)
        {
            var endpoint = endpoints[delivery.EndpointId];
            if (!endpoint.IsActive
                || !await DeliveryClaim.TakeAsync(db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.NextAttemptAt == delivery.NextAttemptAt), d => d.NextAttemptAt, time.UtcNow(), ct))
            {
                continue;
            }

            var answer = await sender.SendAsync(endpoint.Url, secrets.Reveal(endpoint.ProtectedSecret), delivery.EventId, delivery.EventType, delivery.Payload, ct);
            if (delivery.Attempted(answer.StatusCode, answer.LatencyMs, answer.Error, now))
            {
                await TurnOffAsync(db, endpoint, now, ct);
            }

            delivered += delivery.Status == WebhookDeliveryStatus.Delivered ? 1 : 0;
            await db.CommitAsync(ct);
        }

        return delivered;
    }

    private async Task TurnOffAsync(IPortalDbContext db, WebhookEndpoint endpoint, DateTime now, CancellationToken ct)
    {
        endpoint.Disable("No 2xx answer for 24 hours", now);
        db.AuditEvents.Add(AuditEvent.Record(
            Actor.System, now, AuditAction.WebhookTurnedOff, endpoint.AccountId, $"webhook {endpoint.Id}",
            $"Turned off {endpoint.Url}: no 2xx answer for 24 hours", new { active = true }, new { active = false }));
        var announcer = new Announcer(db, options.Value, now);
        var owners = (await Announcer.OwnersAsync(db, directory, [endpoint.AccountId], ct))[endpoint.AccountId].ToList();
        await announcer.LoadPreferencesAsync(owners.Select(o => o.Id), ct);
        foreach (var owner in owners)
        {
            await announcer.AnnounceAsync(
                owner, NotificationKind.WebhookDisabled, endpoint.AccountId, $"The webhook endpoint {endpoint.Url} was turned off after 24 hours without a 2xx answer",
                "webhooks", $"webhook-off:{endpoint.Id}:{now:O}", ct);
        }
    }
}
