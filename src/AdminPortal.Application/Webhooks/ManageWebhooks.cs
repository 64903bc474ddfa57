using AdminPortal.Application.Common;
using AdminPortal.Application.Notifications;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Webhooks;

/// <summary>
/// Where webhooks may go. Outside Development only public HTTPS addresses: never loopback, link-local or private
/// networks, which would let an owner reach the portal's own network (SSRF).
/// </summary>
public interface IWebhookAddressCheck
{
    bool AllowsHttp { get; }

    Task<Result> CheckAsync(Uri address, CancellationToken ct);
}

public sealed record WebhookView(string Id, string AccountId, string Url, IReadOnlyList<string> EventTypes, DateTime CreatedAt, DateTime? DisabledAt, string? DisabledReason)
{
    public static WebhookView Of(WebhookEndpoint w) => new(w.Id, w.AccountId, w.Url, w.EventTypes.Split(' '), w.CreatedAt, w.DisabledAt, w.DisabledReason);
}

/// <summary>An endpoint just added, with its signing secret, shown this once.</summary>
public sealed record AddedWebhookView(WebhookView Webhook, string Secret);

public sealed record WebhookDeliveryView(
    long Id, string EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, long? LastLatencyMs, string? LastError,
    DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? DeliveredAt);

/// <summary>
/// An account's webhook endpoints: its owners add, turn off and on, and redeliver; staff may look. Everything else is
/// "not found", as for numbers.
/// </summary>
public sealed class ManageWebhooks(IPortalDbFactory dbFactory, IWebhookSecrets secrets, IWebhookAddressCheck addresses, TimeProvider time, IOptions<NotificationOptions> options)
{
    public async Task<Result<IReadOnlyList<WebhookView>>> ListAsync(Actor actor, string accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await (await db.ReachAsync(actor, ct)).NarrowAsync(accountId, ct);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var hooks = await db.WebhookEndpoints.AsNoTracking().Where(w => w.AccountId == accountId).OrderBy(w => w.CreatedAt).ToListAsync(ct);
        return hooks.Select(WebhookView.Of).ToList();
    }

    public async Task<Result<AddedWebhookView>> AddAsync(Actor actor, string accountId, string? url, IReadOnlyList<string>? eventTypes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var owned = await OwnedAsync(db, actor, accountId, ct);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        var limit = options.Value.MaxWebhooksPerAccount;
        if (await db.WebhookEndpoints.CountAsync(w => w.AccountId == accountId, ct) >= limit)
        {
            return new Error(Errors.WebhookLimit, $"{accountId} has {limit} webhook endpoints, the most an account may have", "Remove one you no longer use first (turned-off ones count too)");
        }

        var (secret, protectedSecret) = secrets.Create();
        var now = time.UtcNow();
        var registered = WebhookEndpoint.Register(Ids.New(WebhookEndpoint.IdPrefix), accountId, url, eventTypes, protectedSecret, actor, now, addresses.AllowsHttp);
        if (!registered.IsSuccess)
        {
            return registered.Error;
        }

        var endpoint = registered.Value;
        if (await AddressTakenAsync(db, endpoint, activeOnly: false, ct) is { } taken)
        {
            return taken;
        }

        var reachable = await addresses.CheckAsync(new Uri(endpoint.Url), ct);
        if (!reachable.IsSuccess)
        {
            return reachable.Error;
        }

        db.WebhookEndpoints.Add(endpoint);
        db.AuditEvents.Add(Audit(actor, now, AuditAction.WebhookAdded, endpoint, $"Added the webhook endpoint {endpoint.Url} for {endpoint.EventTypes.Replace(' ', ',')}"));
        return (await db.CommitAsync(ct)).Map(() => new AddedWebhookView(WebhookView.Of(endpoint), secret));
    }

    public Task<Result<WebhookView>> TurnOffAsync(Actor actor, string webhookId, CancellationToken ct = default) =>
        ChangeAsync(actor, webhookId, AuditAction.WebhookTurnedOff, (endpoint, now) => endpoint.Disable($"Turned off by {actor.Name}", now), "Turned off", ct);

    public Task<Result<WebhookView>> TurnOnAsync(Actor actor, string webhookId, CancellationToken ct = default) =>
        ChangeAsync(actor, webhookId, AuditAction.WebhookTurnedOn, (endpoint, _) => endpoint.Enable(), "Turned on", ct, (db, endpoint) => AddressTakenAsync(db, endpoint, activeOnly: true, ct));

    public async Task<Result<Page<WebhookDeliveryView>>> DeliveriesAsync(Actor actor, string webhookId, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var endpoint = await FindAsync(db, actor, webhookId, ct);
        if (!endpoint.IsSuccess)
        {
            return endpoint.Error;
        }

        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == webhookId);
        var rows = await deliveries.OrderByDescending(d => d.Id).Skip(paging.Skip).Take(paging.Limit)
            .Select(d => new WebhookDeliveryView(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastLatencyMs, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt))
            .ToListAsync(ct);
        return new Page<WebhookDeliveryView>(rows, await deliveries.CountAsync(ct), null);
    }

    /// <summary>Sends an event again, with the same id and body, as a new delivery.</summary>
    public async Task<Result<long>> RedeliverAsync(Actor actor, string webhookId, long deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var endpoint = await FindAsync(db, actor, webhookId, ct, mustOwn: true);
        if (!endpoint.IsSuccess)
        {
            return endpoint.Error;
        }

        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == webhookId, ct);
        if (delivery is null)
        {
            return new Error(Errors.DeliveryNotFound, $"Webhook {webhookId} has no delivery {deliveryId}", "List the endpoint's deliveries and use one of their ids");
        }

        if (!endpoint.Value.IsActive)
        {
            return new Error(Errors.WebhookTurnedOff, $"{endpoint.Value.Url} is turned off; nothing is sent to it", "Turn the endpoint on first, then send the event again");
        }

        var now = time.UtcNow();
        var again = delivery.Again(now);
        db.WebhookDeliveries.Add(again);
        db.AuditEvents.Add(Audit(actor, now, AuditAction.WebhookRedelivered, endpoint.Value, $"Sent {delivery.EventId} to {endpoint.Value.Url} again"));
        return (await db.CommitAsync(ct)).Map(() => again.Id);
    }

    /// <summary>Removes the endpoint and its delivery log, which frees its place among the account's endpoints.</summary>
    public async Task<Result<WebhookView>> RemoveAsync(Actor actor, string webhookId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var endpoint = await FindAsync(db, actor, webhookId, ct, mustOwn: true);
        if (!endpoint.IsSuccess)
        {
            return endpoint.Error;
        }

        var removed = WebhookView.Of(endpoint.Value);
        db.AuditEvents.Add(Audit(actor, time.UtcNow(), AuditAction.WebhookRemoved, endpoint.Value, $"Removed the webhook endpoint {endpoint.Value.Url}"));
        db.WebhookEndpoints.Remove(endpoint.Value);
        return (await db.CommitAsync(ct)).Map(() => removed);
    }

    private async Task<Result<WebhookView>> ChangeAsync(
        Actor actor, string webhookId, AuditAction action, Action<WebhookEndpoint, DateTime> change, string verb, CancellationToken ct,
        Func<IPortalDbContext, WebhookEndpoint, Task<Error?>>? refuse = null)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var endpoint = await FindAsync(db, actor, webhookId, ct, mustOwn: true);
        if (!endpoint.IsSuccess)
        {
            return endpoint.Error;
        }

        if (refuse is not null && await refuse(db, endpoint.Value) is { } refused)
        {
            return refused;
        }

        var now = time.UtcNow();
        change(endpoint.Value, now);
        db.AuditEvents.Add(Audit(actor, now, action, endpoint.Value, $"{verb} the webhook endpoint {endpoint.Value.Url}"));
        return (await db.CommitAsync(ct)).Map(() => WebhookView.Of(endpoint.Value));
    }

    private static async Task<Result<WebhookEndpoint>> FindAsync(IPortalDbContext db, Actor actor, string webhookId, CancellationToken ct, bool mustOwn = false)
    {
        var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == webhookId, ct);
        var reach = await db.ReachAsync(actor, ct);
        if (endpoint is null || !(reach.AccountIds is null || reach.Owns(endpoint.AccountId)))
        {
            return Missing(webhookId);
        }

        // Staff see every endpoint, so "not found" would be untrue: they are told who may change it, as when adding one.
        return mustOwn && !reach.Owns(endpoint.AccountId) ? NotAnOwner() : endpoint;
    }

    private static async Task<Result> OwnedAsync(IPortalDbContext db, Actor actor, string accountId, CancellationToken ct)
    {
        var reach = await db.ReachAsync(actor, ct);
        if (reach.Owns(accountId))
        {
            return Result.Success();
        }

        return reach.AccountIds is null && await db.Accounts.AnyAsync(a => a.Id == accountId, ct)
            ? NotAnOwner()
            : Errors.AccountMissing(accountId);
    }

    /// <summary>
    /// Another endpoint of the account at the same address (an active one, when <paramref name="activeOnly"/>): a second
    /// would post every event there twice, under another secret.
    /// </summary>
    private static async Task<Error?> AddressTakenAsync(IPortalDbContext db, WebhookEndpoint endpoint, bool activeOnly, CancellationToken ct)
    {
        var other = await db.WebhookEndpoints.AsNoTracking()
            .Where(w => w.AccountId == endpoint.AccountId && w.Url == endpoint.Url && w.Id != endpoint.Id && (!activeOnly || w.DisabledAt == null))
            .OrderBy(w => w.DisabledAt != null).FirstOrDefaultAsync(ct);
        return other is null ? null : new Error(
            Errors.WebhookExists,
            $"{endpoint.AccountId} already has the endpoint {other.Id} at {endpoint.Url}",
            other.IsActive
                ? "Use that endpoint, or remove it first to post other events to this address"
                : "Turn that endpoint on instead, or remove it first to post other events to this address");
    }

    private static Error NotAnOwner() => new(Errors.NotAnOwner, "Only the account's owners manage its webhooks", "Ask an owner of the account");

    private static Error Missing(string webhookId) => new(
        Errors.WebhookNotFound,
        webhookId.Length <= 40 ? $"Webhook {webhookId} was not found" : "That webhook was not found",
        "Check the id, or list the account's webhooks");

    private static AuditEvent Audit(Actor actor, DateTime now, AuditAction action, WebhookEndpoint endpoint, string summary) =>
        AuditEvent.Record(actor, now, action, endpoint.AccountId, $"webhook {endpoint.Id}", summary, null,
            new { url = endpoint.Url, event_types = endpoint.EventTypes.Split(' '), active = endpoint.IsActive });
}
