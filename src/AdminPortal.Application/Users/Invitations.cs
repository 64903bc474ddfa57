using System.Net.Mail;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Users;

/// <summary>A new or re-invited user and the token of their invitation link (valid 72 hours, once).</summary>
public sealed record InvitationView(UserView User, string Token);

/// <summary>An administrator invites someone: the user exists at once, without a password, and owners own their accounts at once.</summary>
public sealed class InviteUser(IUserDirectory directory, TimeProvider time)
{
    public const int EmailMaxLength = 254;

    public async Task<Result<InvitationView>> HandleAsync(Actor actor, string? email, string? displayName, string? role, IReadOnlyList<string>? accountIds, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            return Errors.Admin();
        }

        var address = Email(email);
        if (!address.IsSuccess)
        {
            return address.Error;
        }

        var name = TextRule.PersonName.Check(string.IsNullOrWhiteSpace(displayName) ? address.Value.Split('@')[0] : displayName);
        if (!name.IsSuccess)
        {
            return name.Error;
        }

        if (PortalRoles.Find(role) is not { } portalRole)
        {
            return UserErrors.Role(role);
        }

        // JSON can carry null entries whatever the parameter's type says.
        if ((accountIds ?? []).Any(string.IsNullOrWhiteSpace))
        {
            return new Error(Errors.InvalidParameter, "The list of accounts has an empty entry", "List account ids such as acc_123abc, or leave the accounts out");
        }

        var accounts = (accountIds ?? []).Select(a => a.Trim()).Distinct().ToList();
        if (accounts.Count > 0 && portalRole != PortalRoles.Owner)
        {
            return new Error(Errors.InvalidParameter, "Only owners are members of accounts", "Leave the accounts out, or invite the user as Owner");
        }

        await using var session = await directory.OpenAsync(ct);
        var owned = await session.Db.Accounts.Include(a => a.Members).Where(a => accounts.Contains(a.Id)).ToListAsync(ct);
        if (accounts.FirstOrDefault(id => owned.All(a => a.Id != id)) is { } missing)
        {
            return Errors.AccountMissing(missing);
        }

        var created = await session.CreateInvitedAsync(address.Value, name.Value, portalRole, ct);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        var now = time.UtcNow();
        var subject = UserAdministration.Subject(created.Value);
        foreach (var account in owned)
        {
            account.AddOwner(created.Value.Id);
            session.Db.AuditEvents.Add(AuditEvent.Record(actor, now, AuditAction.OwnerAdded, account.Id, subject, $"{created.Value.Email} became an owner of {account.Name}", null, new { owner = created.Value.Email }));
        }

        var token = await session.NewInvitationTokenAsync(created.Value.Id, ct);
        var user = (await session.FindAsync(created.Value.Id, ct))!;
        session.Db.AuditEvents.Add(AuditEvent.Record(actor, now, AuditAction.UserInvited, null, subject, $"Invited {user.Email} as {user.Role}", null, UserSnapshot.Of(user)));
        return (await session.CommitAsync(ct)).Map(() => new InvitationView(user, token));
    }

    /// <summary>One address, trimmed and lower-cased, at most 254 characters, nothing but printable ASCII.</summary>
    private static Result<string> Email(string? email)
    {
        var address = (email ?? string.Empty).Trim().ToLowerInvariant();
        return address.Length is > 0 and <= EmailMaxLength && address.All(c => c is > ' ' and < (char)127)
            && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && address.Contains('.', StringComparison.Ordinal)
            ? address
            : new Error(Errors.InvalidEmail, "That is not an e-mail address", "Enter one address, such as name@example.com");
    }
}

/// <summary>A fresh link for someone who has not accepted yet; earlier links stop working.</summary>
public sealed class ResendInvitation(IUserDirectory directory, TimeProvider time)
{
    public async Task<Result<InvitationView>> HandleAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        string? token = null;
        var user = await directory.ChangeUserAsync(actor, userId, time, AuditAction.InvitationResent, async (session, user) =>
        {
            if (user.Status != UserStatus.Invited)
            {
                return new Error(Errors.NotInvited, $"{user.Email} has accepted the invitation already", "Reset the user's second factor or unlock them instead");
            }

            token = await session.NewInvitationTokenAsync(user.Id, ct);
            return $"Sent {user.Email} a new invitation link";
        }, ct);
        return user.Map(u => new InvitationView(u, token!));
    }
}

/// <summary>The invitee sets a first password with the link's token; the link cannot be used again.</summary>
public sealed class AcceptInvitation(IUserDirectory directory, TimeProvider time)
{
    public async Task<Result<UserView>> HandleAsync(string? userId, string? token, string? password, CancellationToken ct = default)
    {
        var invalid = new Error(Errors.InvitationInvalid, "This invitation link is not valid any more", "Ask an administrator to send you a new invitation");
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || userId.Length > 100 || token.Length > 2000)
        {
            return invalid;
        }

        await using var session = await directory.OpenAsync(ct);
        if (await session.FindAsync(userId, ct) is not { Status: UserStatus.Invited } user)
        {
            return invalid;
        }

        var set = await session.SetFirstPasswordAsync(user.Id, token, password ?? string.Empty, ct);
        if (!set.IsSuccess)
        {
            return set.Error;
        }

        var after = (await session.FindAsync(user.Id, ct))!;
        var invitee = Actor.Create(user.Id, user.Email, user.Role);
        session.Db.AuditEvents.Add(AuditEvent.Record(
            invitee, time.UtcNow(), AuditAction.InvitationAccepted, null, UserAdministration.Subject(user), $"{user.Email} accepted the invitation and set a password",
            UserSnapshot.Of(user), UserSnapshot.Of(after)));
        return (await session.CommitAsync(ct)).Map(() => after);
    }
}

/// <summary>Users for administrators: filtered by role, account, status or a search of the address and name, a page at a time.</summary>
public sealed class ListUsers(IUserDirectory directory)
{
    public async Task<Result<Page<UserView>>> HandleAsync(Actor actor, UserFilter filter, Paging paging, CancellationToken ct = default)
    {
        if (!actor.IsAdmin)
        {
            return Errors.Admin();
        }

        if (string.IsNullOrWhiteSpace(filter.Role))
        {
            filter = filter with { Role = null };
        }
        else if (PortalRoles.Find(filter.Role) is { } role)
        {
            filter = filter with { Role = role };
        }
        else
        {
            return UserErrors.Role(filter.Role);
        }

        return await directory.ListAsync(filter, paging, ct);
    }
}
