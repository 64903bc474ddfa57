namespace AdminPortal.Domain.Messages;

/// <summary>
/// An e-mail the portal would have sent, kept for an administrator when no mail server is configured. Its link (an
/// invitation) can be shown once: after that only the fact that it was shown remains.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(string to, string subject, string body, string? link, DateTime createdAt)
    {
        To = to;
        Subject = subject;
        Body = body;
        Link = link;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string To { get; private set; } = null!;

    public string Subject { get; private set; } = null!;

    /// <summary>The message's text without its link.</summary>
    public string Body { get; private set; } = null!;

    public string? Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? LinkShownAt { get; private set; }

    public string? LinkShownTo { get; private set; }

    /// <summary>Hands out the link and forgets it; null when it was shown before or there never was one.</summary>
    public string? TakeLink(string shownTo, DateTime now)
    {
        var link = Link;
        if (link is not null)
        {
            Link = null;
            LinkShownAt = now;
            LinkShownTo = shownTo;
        }

        return link;
    }
}
