using AdminPortal.Infrastructure.Identity;

namespace AdminPortal.Infrastructure.Email;

/// <summary>One e-mail of the portal: its text and, apart, the link it carries.</summary>
public sealed record PortalMail(string To, string Subject, string Body, string? Link)
{
    public static PortalMail Invitation(PortalUser user, string email, string link) => new(
        email,
        "You are invited to AdminPortal",
        $"Hello {user.DisplayName},\n\nAn administrator invited you to AdminPortal, where phone number releases are requested and reviewed. " +
        "Open the link below within 72 hours to choose your password. The link works once.",
        link);

    public static PortalMail PasswordReset(PortalUser user, string email, string link) => new(
        email,
        "Choose a new AdminPortal password",
        $"Hello {user.DisplayName},\n\nOpen the link below to choose a new password. If you did not ask for this, ignore this message.",
        link);

    public static PortalMail PasswordResetCode(PortalUser user, string email, string code) => new(
        email,
        "Your AdminPortal password reset code",
        $"Hello {user.DisplayName},\n\nYour password reset code is {code}.",
        null);
}
