using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Messages;

public sealed record OutboxMessageView(long Id, string To, string Subject, string Body, DateTime CreatedAt, bool HasLink, DateTime? LinkShownAt, string? LinkShownTo);

/// <summary>The e-mails kept when no mail server is configured, newest first; administrators only.</summary>
public sealed class ListOutbox(IPortalDbFactory dbFactory)
{
    public async Task<Result<Page<OutboxMessageView>>> HandleAsync(Actor actor, Paging paging, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            return Errors.Admin();
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var messages = db.OutboxMessages.AsNoTracking();
        var total = await messages.CountAsync(ct);
        var rows = await messages.OrderByDescending(m => m.Id).Skip(paging.Skip).Take(paging.Limit)
            .Select(m => new OutboxMessageView(m.Id, m.To, m.Subject, m.Body, m.CreatedAt, m.Link != null, m.LinkShownAt, m.LinkShownTo))
            .ToListAsync(ct);
        return new Page<OutboxMessageView>(rows, total, null);
    }
}

/// <summary>Shows a message's link to an administrator once, then forgets it; the showing is audited.</summary>
public sealed class TakeOutboxLink(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<string>> HandleAsync(Actor actor, long messageId, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            return Errors.Admin();
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null)
        {
            return new Error(Errors.MessageNotFound, $"Message {messageId} was not found", "Reload the outbox");
        }

        var now = time.UtcNow();
        if (message.TakeLink(actor.Name, now) is not { } link)
        {
            return new Error(
                Errors.MessageNotFound,
                message.LinkShownAt is { } shown ? $"The link of this message was shown to {message.LinkShownTo} on {shown:yyyy-MM-dd HH:mm} UTC and is gone" : "This message has no link",
                "Send the user a new invitation from the Users page");
        }

        db.AuditEvents.Add(AuditEvent.Record(actor, now, AuditAction.InvitationLinkShown, null, $"user {message.To}", $"Showed the link of the message to {message.To}", null, null));
        return (await db.CommitAsync(ct)).Map(() => link);
    }
}
