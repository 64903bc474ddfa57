namespace AdminPortal.Domain.Notifications;

/// <summary>What a person is told about. Owners hear about their accounts' releases, staff about the queue.</summary>
public enum NotificationKind
{
    RequestApproved,
    RequestRejected,
    RequestWithdrawn,
    ReleaseCancelled,
    NumberReturned,
    CoolingOffEnding,
    NewRequest,
    RequestWaiting,
    WebhookDisabled,
}

/// <summary>One line in a person's bell. The dedupe key makes each event reach each person once, whatever retries happen.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(string userId, NotificationKind kind, string? accountId, string text, string link, string dedupeKey, DateTime createdAt)
    {
        UserId = userId;
        Kind = kind;
        AccountId = accountId;
        Text = text;
        Link = link;
        DedupeKey = dedupeKey;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = null!;

    public NotificationKind Kind { get; private set; }

    public string? AccountId { get; private set; }

    public string Text { get; private set; } = null!;

    /// <summary>Where in the portal the event can be seen, relative to the portal's address.</summary>
    public string Link { get; private set; } = null!;

    public string DedupeKey { get; private set; } = null!;

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

/// <summary>A person's choice for one kind: the bell only, or the bell and an e-mail.</summary>
public sealed class NotificationPreference(string userId, NotificationKind kind, bool email)
{
    public string UserId { get; private set; } = userId;

    public NotificationKind Kind { get; private set; } = kind;

    public bool Email { get; set; } = email;
}
