using AdminPortal.Application.Webhooks;
using AdminPortal.Domain.Webhooks;

namespace AdminPortal.Web.Api;

public sealed record WebhookBody(string? Url, IReadOnlyList<string>? EventTypes);

public sealed record WebhookDto(string Id, string AccountId, string Url, IReadOnlyList<string> EventTypes, bool Active, DateTime CreatedAt, DateTime? DisabledAt, string? DisabledReason)
{
    public static WebhookDto Of(WebhookView w) => new(w.Id, w.AccountId, w.Url, w.EventTypes, w.DisabledAt is null, w.CreatedAt, w.DisabledAt, w.DisabledReason);
}

public sealed record WebhookListDto(IReadOnlyList<WebhookDto> Webhooks);

/// <summary>A new endpoint with its signing secret, in this answer only.</summary>
public sealed record AddedWebhookDto(WebhookDto Webhook, string Secret);

public sealed record WebhookDeliveryDto(
    long Id, string EventId, string EventType, WebhookDeliveryStatus Status, int Attempts, int? LastStatusCode, long? LastLatencyMs, string? LastError,
    DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? DeliveredAt)
{
    public static WebhookDeliveryDto Of(WebhookDeliveryView d) => new(
        d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastLatencyMs, d.LastError, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt);
}

public sealed record WebhookDeliveryListDto(IReadOnlyList<WebhookDeliveryDto> Deliveries, string? NextCursor);

public sealed record RedeliveryDto(long DeliveryId);
