using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using AdminPortal.Application.Notifications;
using AdminPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace AdminPortal.Infrastructure.Email;

/// <summary>E-mail through the SMTP server of Email:Smtp, as plain UTF-8 text.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<Result> SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.SecretLink is null ? mail.Body : $"{mail.Body}\n\n{mail.SecretLink}\n",
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

        // SendMailAsync ignores Timeout; the token bounds it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await client.SendMailAsync(message, timeout.Token);
            return Result.Success();
        }
        catch (Exception e) when (e is SmtpException or IOException or SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new Error(Errors.MailNotSent, $"The mail server {smtp.Host} did not take the message: {e.Message}", "Check Email:Smtp and the mail server");
        }
    }
}
