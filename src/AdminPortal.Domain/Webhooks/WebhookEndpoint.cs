using AdminPortal.Domain.Common;

namespace AdminPortal.Domain.Webhooks;

/// <summary>The events a platform can subscribe to, as they are named on the wire.</summary>
public static class WebhookEventTypes
{
    public const string RequestCreated = "release_request.created";
    public const string RequestApproved = "release_request.approved";
    public const string RequestRejected = "release_request.rejected";
    public const string RequestWithdrawn = "release_request.withdrawn";
    public const string NumberReleased = "number.released";
    public const string ReleaseCancelled = "number.release_cancelled";
    public const string NumberReturned = "number.returned";

    public static readonly IReadOnlyList<string> All = [RequestCreated, RequestApproved, RequestRejected, RequestWithdrawn, NumberReleased, ReleaseCancelled, NumberReturned];
}

/// <summary>An HTTPS address of a platform that receives one account's release events, signed with its own secret.</summary>
public sealed class WebhookEndpoint
{
    public const string IdPrefix = "whk_";
    public const int UrlMaxLength = 500;

    private WebhookEndpoint()
    {
    }

    private WebhookEndpoint(string id, string accountId, Uri url, IReadOnlyList<string> eventTypes, string protectedSecret, Actor creator, DateTime now)
    {
        Id = id;
        AccountId = accountId;
        Url = url.ToString();
        EventTypes = string.Join(' ', eventTypes);
        ProtectedSecret = protectedSecret;
        CreatedById = creator.UserId;
        CreatedAt = now;
    }

    public string Id { get; private set; } = null!;

    public string AccountId { get; private set; } = null!;

    public string Url { get; private set; } = null!;

    /// <summary>The subscribed event types, separated by spaces.</summary>
    public string EventTypes { get; private set; } = null!;

    /// <summary>The signing secret, encrypted at rest; only the delivery worker reads it.</summary>
    public string ProtectedSecret { get; private set; } = null!;

    public string CreatedById { get; private set; } = null!;

    public DateTime CreatedAt { get; private set; }

    public DateTime? DisabledAt { get; private set; }

    public string? DisabledReason { get; private set; }

    public bool IsActive => DisabledAt is null;

    public bool Subscribes(string eventType) => IsActive && EventTypes.Split(' ').Contains(eventType);

    public void Disable(string reason, DateTime now)
    {
        DisabledAt ??= now;
        DisabledReason ??= reason;
    }

    public void Enable()
    {
        DisabledAt = null;
        DisabledReason = null;
    }

    /// <summary>
    /// An endpoint for an address that is absolute, HTTPS (plain HTTP only where <paramref name="allowHttp"/>, in Development)
    /// and without credentials in it, for known event types (all when none are named).
    /// </summary>
    public static Result<WebhookEndpoint> Register(
        string id, string accountId, string? url, IReadOnlyList<string>? eventTypes, string protectedSecret, Actor creator, DateTime now, bool allowHttp)
    {
        var tooLong = new Error(
            Errors.InvalidWebhookUrl,
            $"The endpoint address is longer than {UrlMaxLength} characters",
            "Use a shorter address; the portal's deliveries carry their details in the body, not in the query string");
        if (url?.Length > UrlMaxLength)
        {
            return tooLong;
        }

        // No control, formatting or space characters: an address that reads one way and goes another is refused, not repaired.
        if (string.IsNullOrWhiteSpace(url)
            || url.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var address)
            || !(address.Scheme == Uri.UriSchemeHttps || (allowHttp && address.Scheme == Uri.UriSchemeHttp))
            || address.UserInfo.Length > 0 || address.Fragment.Length > 0)
        {
            return new Error(
                Errors.InvalidWebhookUrl,
                "The endpoint must be an https:// address without a user name, password or #fragment",
                allowHttp ? "Use an address such as https://platform.example/hooks/portal (http:// works in Development)" : "Use an address such as https://platform.example/hooks/portal");
        }

        // The address is stored as the parsed URI writes it, which can be longer ("https://host?q" gains a "/").
        if (address.ToString().Length > UrlMaxLength)
        {
            return tooLong;
        }

        var types = eventTypes is null or { Count: 0 } ? WebhookEventTypes.All : [.. eventTypes.Select(t => t?.Trim() ?? string.Empty).Distinct()];
        if (types.FirstOrDefault(t => !WebhookEventTypes.All.Contains(t)) is { } unknown)
        {
            return new Error(
                Errors.InvalidParameter,
                unknown.Length is > 0 and <= 40 ? $"{unknown} is not an event type" : "An event type is empty or not known",
                $"Use some of {string.Join(", ", WebhookEventTypes.All)}, or none for all of them");
        }

        return new WebhookEndpoint(id, accountId, address, types, protectedSecret, creator, now);
    }
}
