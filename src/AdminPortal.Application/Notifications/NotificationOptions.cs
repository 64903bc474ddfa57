namespace AdminPortal.Application.Notifications;

/// <summary>The "Notifications" section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the worker reads new events and sends what is due, and each instance looks for new notifications for its open bells.</summary>
    public int IntervalSeconds { get; set; } = 5;

    /// <summary>The portal's address, for the links in e-mails.</summary>
    public string PortalUrl { get; set; } = "http://127.0.0.1:5080";

    public int CoolingOffReminderDays { get; set; } = 3;

    public int WaitingReminderHours { get; set; } = 24;

    /// <summary>Webhook endpoints an account may have.</summary>
    public int MaxWebhooksPerAccount { get; set; } = 5;
}
