namespace AdminPortal.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Tried for 24 hours without a 2xx answer.</summary>
    GaveUp,
}

/// <summary>
/// One event on its way to one endpoint: at least once, retried with doubling pauses (1 minute, then 2, 4 … up to 3 hours)
/// for 24 hours. The event id stays the same on every try and every redelivery, so a receiver can drop duplicates.
/// </summary>
public sealed class WebhookDelivery
{
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(24);
    public static readonly TimeSpan LongestPause = TimeSpan.FromHours(3);

    private WebhookDelivery()
    {
    }

    public WebhookDelivery(string endpointId, string accountId, string eventId, string eventType, string payload, DateTime now)
    {
        EndpointId = endpointId;
        AccountId = accountId;
        EventId = eventId;
        EventType = eventType;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }

    public string EndpointId { get; private set; } = null!;

    public string AccountId { get; private set; } = null!;

    public string EventId { get; private set; } = null!;

    public string EventType { get; private set; } = null!;

    /// <summary>The JSON body, exactly as it is signed and sent.</summary>
    public string Payload { get; private set; } = null!;

    public DateTime CreatedAt { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public long? LastLatencyMs { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Records one try; true when the delivery has just given up, which disables its endpoint.</summary>
    public bool Attempted(int? statusCode, long latencyMs, string? error, DateTime now)
    {
        Attempts++;
        LastStatusCode = statusCode;
        LastLatencyMs = latencyMs;
        LastError = error is { Length: > 500 } ? error[..500] : error;
        if (statusCode is >= 200 and < 300)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = now;
            NextAttemptAt = null;
            return false;
        }

        var pause = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Attempts - 1), LongestPause.TotalMinutes));
        if (now + pause - CreatedAt > RetryFor)
        {
            Status = WebhookDeliveryStatus.GaveUp;
            NextAttemptAt = null;
            return true;
        }

        NextAttemptAt = now + pause;
        return false;
    }

    /// <summary>The same event again, on the owner's request: a new delivery with the same event id and body.</summary>
    public WebhookDelivery Again(DateTime now) => new(EndpointId, AccountId, EventId, EventType, Payload, now);
}
