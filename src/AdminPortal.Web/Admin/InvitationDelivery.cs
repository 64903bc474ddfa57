using AdminPortal.Infrastructure.Email;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Admin;

/// <summary>Where invitation links go, in the words the Users page shows.</summary>
public sealed class InvitationDelivery(IOptions<EmailOptions> options)
{
    public string Description => options.Value.UsesSmtp
        ? $"Invitations are e-mailed through {options.Value.Smtp.Host}; the link is valid for 72 hours and works once."
        : "No mail server is configured (Email:Smtp): invitations wait in the Outbox, where an administrator can show each link once. Links are valid for 72 hours.";

    public string Where => options.Value.UsesSmtp ? "The e-mail with the link is on its way." : "Its link is in the Outbox.";
}
