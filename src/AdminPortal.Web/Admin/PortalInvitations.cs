using System.Net.Mail;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Admin;

/// <summary>Invitations as the pages and the API send them: the use case decides, then the link goes out by e-mail or to the outbox.</summary>
public sealed class PortalInvitations(InviteUser invite, ResendInvitation resend, IEmailSender<PortalUser> email, ILogger<PortalInvitations> log)
{
    public const string Path = "Account/Invitation";

    public async Task<Result<UserView>> InviteAsync(
        Actor actor, string portalBase, string? address, string? displayName, string? role, IReadOnlyList<string>? accountIds, CancellationToken ct) =>
        await SendAsync(await invite.HandleAsync(actor, address, displayName, role, accountIds, ct), portalBase);

    public async Task<Result<UserView>> ResendAsync(Actor actor, string portalBase, string userId, CancellationToken ct) =>
        await SendAsync(await resend.HandleAsync(actor, userId, ct), portalBase);

    private async Task<Result<UserView>> SendAsync(Result<InvitationView> invitation, string portalBase)
    {
        if (!invitation.IsSuccess)
        {
            return invitation.Error;
        }

        var (user, token) = invitation.Value;
        var link = $"{portalBase.TrimEnd('/')}/{Path}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        try
        {
            await email.SendConfirmationLinkAsync(new PortalUser { Id = user.Id, Email = user.Email, DisplayName = user.DisplayName }, user.Email, link);
            return user;
        }
        catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException)
        {
            log.LogError(e, "The invitation of {Email} could not be sent", user.Email);
            return new Error(
                Errors.MailNotSent,
                $"{user.Email} is invited, but the e-mail with the link could not be sent",
                "Check the mail server settings (Email:Smtp), then send the invitation again from the Users page");
        }
    }
}
