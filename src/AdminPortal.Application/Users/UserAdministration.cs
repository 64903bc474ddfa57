using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.Users;

/// <summary>What an audit event keeps of a user.</summary>
internal sealed record UserSnapshot(string Role, UserStatus Status, bool SecondFactor, IReadOnlyList<string> Accounts)
{
    public static UserSnapshot Of(UserView user) => new(user.Role, user.Status, user.SecondFactor, user.AccountIds);
}

/// <summary>The skeleton of an administrator's change to one user: admins only, the user found, the change audited, all or nothing.</summary>
internal static class UserAdministration
{
    public static async Task<Result<UserView>> ChangeUserAsync(
        this IUserDirectory directory,
        Actor actor,
        string userId,
        TimeProvider time,
        AuditAction action,
        Func<IUserSession, UserView, Task<Result<string>>> change,
        CancellationToken ct)
    {
        if (!actor.IsAdmin)
        {
            return Errors.Admin();
        }

        await using var session = await directory.OpenAsync(ct);
        if (await session.FindAsync(userId, ct) is not { } before)
        {
            return Errors.UserMissing(userId);
        }

        var summary = await change(session, before);
        if (!summary.IsSuccess)
        {
            return summary.Error;
        }

        var after = (await session.FindAsync(before.Id, ct))!;
        session.Db.AuditEvents.Add(AuditEvent.Record(
            actor, time.UtcNow(), action, null, Subject(after), summary.Value, UserSnapshot.Of(before), UserSnapshot.Of(after)));
        return (await session.CommitAsync(ct)).Map(() => after);
    }

    public static string Subject(UserView user) => $"user {user.Email}";

    /// <summary>Refuses a change that would leave no active administrator.</summary>
    public static async Task<Result> KeepsAnAdminAsync(this IUserSession session, UserView user, CancellationToken ct) =>
        user.Role == PortalRoles.Admin && user.Status is not (UserStatus.Disabled or UserStatus.Invited) && await session.CountActiveAdminsAsync(ct) <= 1
            ? new Error(
                Errors.LastAdmin,
                $"{user.Email} is the last active administrator",
                "Make another user an administrator first, then change this one")
            : Result.Success();
}
