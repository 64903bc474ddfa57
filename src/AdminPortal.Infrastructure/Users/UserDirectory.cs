using AdminPortal.Application.Common;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Infrastructure.Users;

/// <summary>The users of ASP.NET Core Identity, for administration. Each session has its own scope, so its UserManager and its
/// transaction share one DbContext.</summary>
internal sealed class UserDirectory(IServiceScopeFactory scopes, TimeProvider time) : IUserDirectory
{
    public async Task<IUserSession> OpenAsync(CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            return new UserSession(scope, db, await db.BeginSerializedAsync(ct), users, time);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async Task<Page<UserView>> ListAsync(UserFilter filter, Paging paging, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = db.Users.AsNoTracking();
        if (filter.Role is { } role)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (filter.AccountId is { } accountId)
        {
            users = users.Where(u => db.AccountMembers.Any(m => m.UserId == u.Id && m.AccountId == accountId));
        }

        if (filter.Search?.Trim().ToUpperInvariant() is { Length: > 0 } search)
        {
            users = users.Where(u => u.NormalizedEmail!.Contains(search) || u.DisplayName.ToUpper().Contains(search));
        }

        // The status depends on the lockout time, which SQLite cannot compare: it is worked out here, over the (few) users
        // the other filters leave.
        var rows = await ViewsAsync(db, await users.OrderBy(u => u.NormalizedEmail).ToListAsync(ct), time.GetUtcNow(), ct);
        var matching = filter.Status is { } status ? [.. rows.Where(u => u.Status == status)] : rows;
        return new Page<UserView>([.. matching.Skip(paging.Skip).Take(paging.Limit)], matching.Count, null);
    }

    public async Task<IReadOnlyList<UserView>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await ViewsAsync(db, await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct), time.GetUtcNow(), ct);
    }

    private static async Task<IReadOnlyList<UserView>> ViewsAsync(PortalDbContext db, IReadOnlyList<PortalUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var accounts = await db.AccountMembers.Where(m => ids.Contains(m.UserId)).OrderBy(m => m.AccountId).ToListAsync(ct);
        var passkeys = await db.UserPasskeys.Where(p => ids.Contains(p.UserId)).Select(p => p.UserId).Distinct().ToListAsync(ct);
        return [.. users.Select(u => new UserView(
            u.Id,
            u.Email ?? string.Empty,
            u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name).FirstOrDefault() ?? string.Empty,
            u.DisabledAt is not null ? UserStatus.Disabled
                : u.PasswordHash is null && !passkeys.Contains(u.Id) ? UserStatus.Invited
                : u.LockoutEnd > now ? UserStatus.Locked
                : UserStatus.Active,
            u.TwoFactorEnabled || passkeys.Contains(u.Id),
            u.DisabledAt is null && u.LockoutEnd > now ? u.LockoutEnd : null,
            [.. accounts.Where(m => m.UserId == u.Id).Select(m => m.AccountId)]))];
    }

    private sealed class UserSession(
        AsyncServiceScope scope,
        PortalDbContext db,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction,
        UserManager<PortalUser> users,
        TimeProvider time) : IUserSession
    {
        public IPortalDbContext Db => db;

        public async Task<UserView?> FindAsync(string idOrEmail, CancellationToken ct)
        {
            var user = idOrEmail.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(idOrEmail) : await users.FindByIdAsync(idOrEmail);
            return user is null ? null : (await ViewsAsync(db, [user], time.GetUtcNow(), ct))[0];
        }

        public async Task<int> CountActiveAdminsAsync(CancellationToken ct) =>
            (await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count(u => u.DisabledAt is null && u.PasswordHash is not null);

        public async Task<Result<UserView>> CreateInvitedAsync(string email, string displayName, string role, CancellationToken ct)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return new Error(Errors.EmailTaken, $"{email} already has a user", "Find the user on the Users page, or invite another address");
            }

            var user = new PortalUser { UserName = email, Email = email, DisplayName = displayName, LockoutEnabled = true };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                return new Error(Errors.InvalidEmail, string.Join(" ", created.Errors.Select(e => e.Description)), "Check the address and try again");
            }

            return (await FindAsync(user.Id, ct))!;
        }

        public async Task SetRoleAsync(string userId, string role, CancellationToken ct)
        {
            var user = await UserAsync(userId);
            Ensure(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
            Ensure(await users.AddToRoleAsync(user, role));
            Ensure(await users.UpdateSecurityStampAsync(user));
        }

        public async Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct)
        {
            var user = await UserAsync(userId);
            user.DisabledAt = disabled ? time.GetUtcNow().UtcDateTime : null;
            // A lockout without end is what sign-in, API keys and session checks already refuse.
            Ensure(await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null));
            Ensure(await users.ResetAccessFailedCountAsync(user));
            Ensure(await users.UpdateSecurityStampAsync(user));
        }

        public async Task UnlockAsync(string userId, CancellationToken ct)
        {
            var user = await UserAsync(userId);
            Ensure(await users.SetLockoutEndDateAsync(user, null));
            Ensure(await users.ResetAccessFailedCountAsync(user));
            Ensure(await users.UpdateSecurityStampAsync(user));
        }

        public async Task ResetSecondFactorAsync(string userId, CancellationToken ct)
        {
            var user = await UserAsync(userId);
            Ensure(await users.SetTwoFactorEnabledAsync(user, false));
            Ensure(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey"));
            Ensure(await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"));
            foreach (var passkey in await users.GetPasskeysAsync(user))
            {
                Ensure(await users.RemovePasskeyAsync(user, passkey.CredentialId));
            }

            Ensure(await users.UpdateSecurityStampAsync(user));
        }

        public async Task<string> NewInvitationTokenAsync(string userId, CancellationToken ct)
        {
            var user = await UserAsync(userId);
            Ensure(await users.UpdateSecurityStampAsync(user));
            return await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose);
        }

        public async Task<Result> SetFirstPasswordAsync(string userId, string token, string password, CancellationToken ct)
        {
            var user = await UserAsync(userId);
            if (!await users.VerifyUserTokenAsync(user, InvitationTokenProvider.Name, InvitationTokenProvider.Purpose, token))
            {
                return new Error(Errors.InvitationInvalid, "This invitation link is not valid any more", "Ask an administrator to send you a new invitation");
            }

            var added = await users.AddPasswordAsync(user, password);
            if (!added.Succeeded)
            {
                return new Error(Errors.WeakPassword, string.Join(" ", added.Errors.Select(e => e.Description)), "Choose a password of 12 to 128 characters; a passphrase of a few words is best");
            }

            user.EmailConfirmed = true;
            Ensure(await users.UpdateSecurityStampAsync(user));
            return Result.Success();
        }

        public async Task<Result> CommitAsync(CancellationToken ct)
        {
            var saved = await db.CommitAsync(ct);
            if (saved.IsSuccess)
            {
                await transaction.CommitAsync(ct);
            }

            return saved;
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await scope.DisposeAsync();
        }

        private async Task<PortalUser> UserAsync(string userId) =>
            await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"User {userId} vanished inside its own transaction");

        private static void Ensure(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Identity refused a change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
