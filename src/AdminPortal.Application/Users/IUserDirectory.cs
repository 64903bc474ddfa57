using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.Users;

public enum UserStatus
{
    /// <summary>Invited and has not set a password yet.</summary>
    Invited,
    Active,

    /// <summary>Locked out for a while after wrong codes at the second step of sign-in.</summary>
    Locked,

    /// <summary>Turned off by an administrator until turned on again.</summary>
    Disabled,
}

/// <summary>A portal user as administration sees it: one role, and for owners the accounts they own.</summary>
public sealed record UserView(
    string Id,
    string Email,
    string DisplayName,
    string Role,
    UserStatus Status,
    bool SecondFactor,
    DateTimeOffset? LockedUntil,
    IReadOnlyList<string> AccountIds);

public sealed record UserFilter(string? Role = null, string? AccountId = null, UserStatus? Status = null, string? Search = null)
{
    public const int SearchMaxLength = 254;
}

/// <summary>The people who sign in to the portal, kept by the identity store.</summary>
public interface IUserDirectory
{
    /// <summary>One change to users and the portal's tables, in one transaction that holds the database's write lock.</summary>
    Task<IUserSession> OpenAsync(CancellationToken ct);

    Task<Page<UserView>> ListAsync(UserFilter filter, Paging paging, CancellationToken ct);

    /// <summary>The users among these ids that exist.</summary>
    Task<IReadOnlyList<UserView>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct);
}

/// <summary>
/// A unit of work over users and <see cref="Db"/>: nothing is stored until <see cref="CommitAsync"/>, and every change
/// that affects what a user may do renews the user's security stamp, so open sessions end within the revalidation interval.
/// </summary>
public interface IUserSession : IAsyncDisposable
{
    IPortalDbContext Db { get; }

    /// <summary>A user by id or by e-mail address.</summary>
    Task<UserView?> FindAsync(string idOrEmail, CancellationToken ct);

    /// <summary>Administrators who are neither disabled nor still invited.</summary>
    Task<int> CountActiveAdminsAsync(CancellationToken ct);

    Task<Result<UserView>> CreateInvitedAsync(string email, string displayName, string role, CancellationToken ct);

    Task SetRoleAsync(string userId, string role, CancellationToken ct);

    Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct);

    Task UnlockAsync(string userId, CancellationToken ct);

    /// <summary>Turns two-step sign-in off, forgets the authenticator key, the recovery codes and the passkeys.</summary>
    Task ResetSecondFactorAsync(string userId, CancellationToken ct);

    /// <summary>A token for the invitation link; it ends every earlier invitation link of the user.</summary>
    Task<string> NewInvitationTokenAsync(string userId, CancellationToken ct);

    /// <summary>Sets the first password with an invitation token; WEAK_PASSWORD or INVITATION_INVALID otherwise.</summary>
    Task<Result> SetFirstPasswordAsync(string userId, string token, string password, CancellationToken ct);

    Task<Result> CommitAsync(CancellationToken ct);
}
