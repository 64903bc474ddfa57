using System.Net;
using System.Net.Mail;
using System.Text;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Infrastructure.Email;

/// <summary>Identity's e-mail sender when an SMTP host is configured: each message goes out as plain text through that server.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender<PortalUser>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public Task SendConfirmationLinkAsync(PortalUser user, string email, string confirmationLink) => SendAsync(PortalMail.Invitation(user, email, confirmationLink));

    public Task SendPasswordResetLinkAsync(PortalUser user, string email, string resetLink) => SendAsync(PortalMail.PasswordReset(user, email, resetLink));

    public Task SendPasswordResetCodeAsync(PortalUser user, string email, string resetCode) => SendAsync(PortalMail.PasswordResetCode(user, email, resetCode));

    private async Task SendAsync(PortalMail mail)
    {
        var smtp = options.Value.Smtp;
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.Text,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.To));

        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            Timeout = (int)Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        await client.SendMailAsync(message, timeout.Token);
    }
}
