using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.Users;

/// <summary>Gives a user another role. Owners give up their accounts first; the last active administrator stays one.</summary>
public sealed class ChangeUserRole(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<UserView>> HandleAsync(Actor actor, string userId, string? role, CancellationToken ct = default) =>
        directory.ChangeUserAsync(actor, userId, time, AuditAction.UserRoleChanged, async (session, user) =>
        {
            if (PortalRoles.Find(role) is not { } newRole)
            {
                return UserErrors.Role(role);
            }

            if (newRole == user.Role)
            {
                return $"{user.Email} stays {newRole}";
            }

            if (user.AccountIds.Count > 0)
            {
                return new Error(
                    Errors.OwnerHasAccounts,
                    $"{user.Email} still owns {user.AccountIds.Count} account(s): {string.Join(", ", user.AccountIds)}",
                    "Remove the user from those accounts on the Accounts page first, so that no account loses an owner unnoticed");
            }

            var kept = await session.KeepsAnAdminAsync(user, ct);
            if (!kept.IsSuccess)
            {
                return kept.Error;
            }

            await session.SetRoleAsync(user.Id, newRole, ct);
            return $"{user.Email} is now {newRole} (was {user.Role})";
        }, ct);
}

/// <summary>Turns a user off: no sign-in, no API key, open sessions end. The last active administrator cannot be turned off.</summary>
public sealed class DisableUser(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<UserView>> HandleAsync(Actor actor, string userId, CancellationToken ct = default) =>
        directory.ChangeUserAsync(actor, userId, time, AuditAction.UserDisabled, async (session, user) =>
        {
            if (user.Status == UserStatus.Disabled)
            {
                return $"{user.Email} was already disabled";
            }

            var kept = await session.KeepsAnAdminAsync(user, ct);
            if (!kept.IsSuccess)
            {
                return kept.Error;
            }

            await session.SetDisabledAsync(user.Id, true, ct);
            return $"Disabled {user.Email}";
        }, ct);
}

public sealed class EnableUser(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<UserView>> HandleAsync(Actor actor, string userId, CancellationToken ct = default) =>
        directory.ChangeUserAsync(actor, userId, time, AuditAction.UserEnabled, async (session, user) =>
        {
            await session.SetDisabledAsync(user.Id, false, ct);
            return $"Enabled {user.Email}";
        }, ct);
}

/// <summary>Ends a lockout after wrong codes at the second step early. A disabled user stays disabled.</summary>
public sealed class UnlockUser(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<UserView>> HandleAsync(Actor actor, string userId, CancellationToken ct = default) =>
        directory.ChangeUserAsync(actor, userId, time, AuditAction.UserUnlocked, async (session, user) =>
        {
            if (user.Status == UserStatus.Disabled)
            {
                return UserErrors.Disabled(user);
            }

            await session.UnlockAsync(user.Id, ct);
            return $"Unlocked {user.Email}";
        }, ct);
}

/// <summary>For a user who lost their authenticator or passkeys: they sign in with the password and enrol again.</summary>
public sealed class ResetSecondFactor(IUserDirectory directory, TimeProvider time)
{
    public Task<Result<UserView>> HandleAsync(Actor actor, string userId, CancellationToken ct = default) =>
        directory.ChangeUserAsync(actor, userId, time, AuditAction.SecondFactorReset, async (session, user) =>
        {
            await session.ResetSecondFactorAsync(user.Id, ct);
            return $"Reset two-step sign-in and passkeys of {user.Email}";
        }, ct);
}

internal static class UserErrors
{
    public static Error Role(string? role) => new(
        Errors.InvalidRole,
        role is { Length: > 0 and <= 40 } ? $"{role} is not a portal role" : "A role is required",
        $"Use one of {string.Join(", ", PortalRoles.All)}");

    public static Error Disabled(UserView user) => new(
        Errors.UserDisabled,
        $"{user.Email} is disabled",
        "Enable the user first");
}
