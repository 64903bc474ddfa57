using AdminPortal.Application.Notifications;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Infrastructure.Email;

/// <summary>Identity's e-mail sender, over the portal's mail transport (SMTP or the outbox).</summary>
public sealed class PortalEmailSender(IMailTransport transport) : IEmailSender<PortalUser>
{
    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) => SendAsync(PortalMail.Invitation(user, email, confirmationLink));

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) => SendAsync(PortalMail.PasswordReset(user, email, resetLink));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) => SendAsync(PortalMail.PasswordResetCode(user, email, resetCode));

    private async Task SendAsync(PortalMail mail)
    {
        var sent = await transport.SendAsync(new OutgoingMail(mail.To, mail.Subject, mail.Body, mail.Link), CancellationToken.None);
        if (!sent.IsSuccess)
        {
            throw new InvalidOperationException(sent.Error.Message);
        }
    }
}
