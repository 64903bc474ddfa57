using AdminPortal.Application.Common;
using AdminPortal.Domain.Messages;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Infrastructure.Email;

/// <summary>Identity's e-mail sender when no mail server is configured: each message is kept for administrators to read.</summary>
internal sealed class OutboxEmailSender(IPortalDbFactory dbFactory, TimeProvider time) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) => KeepAsync(PortalMail.Invitation(user, email, confirmationLink));

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) => KeepAsync(PortalMail.PasswordReset(user, email, resetLink));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) => KeepAsync(PortalMail.PasswordResetCode(user, email, resetCode));

    private async Task KeepAsync(PortalMail mail)
    {
        await using var db = await dbFactory.CreateAsync();
        db.OutboxMessages.Add(new OutboxMessage(mail.To, mail.Subject, mail.Body, mail.Link, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
    }
}
