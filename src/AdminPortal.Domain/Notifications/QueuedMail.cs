namespace AdminPortal.Domain.Notifications;

/// <summary>
/// An e-mail waiting for the mail worker. It is written with the change that caused it, so nothing that changed goes
/// unmentioned, and sent later, so nobody waits for a mail server. Failures are retried with growing pauses.
/// </summary>
public sealed class QueuedMail
{
    public const int MaxAttempts = 8;

    private QueuedMail()
    {
    }

    public QueuedMail(string to, string subject, string body, DateTime now)
    {
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }

    public string To { get; private set; } = null!;

    public string Subject { get; private set; } = null!;

    public string Body { get; private set; } = null!;

    public DateTime CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When to try next; null once sent or given up.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void Sent(DateTime now)
    {
        Attempts++;
        SentAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Waits 1, 2, 4 … minutes between attempts, and gives up after <see cref="MaxAttempts"/>.</summary>
    public void Failed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = Attempts >= MaxAttempts ? null : now.AddMinutes(Math.Pow(2, Attempts - 1));
    }
}

/// <summary>How far a background worker has read the audit trail; saved with what it made of the events it read.</summary>
public sealed class EventCursor(string name, long lastEventId)
{
    public const string FanOut = "fan-out";

    public string Name { get; private set; } = name;

    public long LastEventId { get; set; } = lastEventId;
}
