using System.Text.Json;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Webhooks;

namespace AdminPortal.Application.Notifications;

/// <summary>What each audit event of the release lifecycle means to people (the bell) and to platforms (webhooks).</summary>
internal static class ReleaseEvents
{
    // Written for machines, not into HTML: "+14155551234" stays readable instead of "\u002B14155551234".
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What the account's owners are told, if anything.</summary>
    public static NotificationKind? ForOwners(AuditAction action) => action switch
    {
        AuditAction.ReleaseApproved or AuditAction.ReleaseScheduled => NotificationKind.RequestApproved,
        AuditAction.ReleaseRejected => NotificationKind.RequestRejected,
        AuditAction.ReleaseWithdrawn => NotificationKind.RequestWithdrawn,
        AuditAction.ReleaseCancelled => NotificationKind.ReleaseCancelled,
        AuditAction.ReturnedToInventory => NotificationKind.NumberReturned,
        _ => null,
    };

    public static IReadOnlyList<string> WebhookTypes(AuditAction action) => action switch
    {
        AuditAction.ReleaseRequested => [WebhookEventTypes.RequestCreated],
        AuditAction.ReleaseApproved => [WebhookEventTypes.RequestApproved, WebhookEventTypes.NumberReleased],
        AuditAction.ReleaseScheduled => [WebhookEventTypes.RequestApproved],
        AuditAction.ReleasedOnSchedule => [WebhookEventTypes.NumberReleased],
        AuditAction.ReleaseRejected => [WebhookEventTypes.RequestRejected],
        AuditAction.ReleaseWithdrawn => [WebhookEventTypes.RequestWithdrawn],
        AuditAction.ReleaseCancelled => [WebhookEventTypes.ReleaseCancelled],
        AuditAction.ReturnedToInventory => [WebhookEventTypes.NumberReturned],
        _ => [],
    };

    public static string Text(NotificationKind kind, AuditEvent e) => kind switch
    {
        NotificationKind.RequestApproved => $"The release of {e.E164} was approved by {e.ActorName}",
        NotificationKind.RequestRejected => $"The release request for {e.E164} was rejected by {e.ActorName}",
        NotificationKind.RequestWithdrawn => $"The release request for {e.E164} was withdrawn by {e.ActorName}",
        NotificationKind.ReleaseCancelled => $"The release of {e.E164} was cancelled by {e.ActorName}; the number is active again",
        NotificationKind.NumberReturned => $"{e.E164} went back to inventory after its cooling-off period",
        NotificationKind.NewRequest => $"{e.ActorName} asked to release {e.E164}",
        _ => e.Summary,
    };

    public static string EventId(AuditEvent e, string type) => $"evt_{e.Id}_{type.Replace('.', '_')}";

    /// <summary>The body a platform receives, exactly as it is signed.</summary>
    public static string Payload(AuditEvent e, string type) => JsonSerializer.Serialize(
        new
        {
            Id = EventId(e, type),
            Type = type,
            CreatedAt = e.OccurredAt,
            AccountId = e.AccountId,
            Data = new
            {
                PhoneNumberId = e.PhoneNumberId,
                E164 = e.E164,
                ReleaseRequestId = e.ReleaseRequestId,
                Actor = e.ActorName,
                Summary = e.Summary,
                Before = JsonDocument.Parse(e.Before).RootElement,
                After = JsonDocument.Parse(e.After).RootElement,
            },
        },
        Json);
}
