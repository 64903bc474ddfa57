using AdminPortal.Application.Common;
using AdminPortal.Application.Notifications;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Messages;

namespace AdminPortal.Infrastructure.Email;

/// <summary>Without a mail server, each message is kept in the outbox that administrators read in the portal.</summary>
internal sealed class OutboxMailTransport(IPortalDbFactory dbFactory, TimeProvider time) : IMailTransport
{
    public async Task<Result> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        db.OutboxMessages.Add(new OutboxMessage(mail.To, mail.Subject, mail.Body, mail.SecretLink, time.GetUtcNow().UtcDateTime));
        return await db.CommitAsync(ct);
    }
}
