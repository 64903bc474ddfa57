using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Identity;

/// <summary>
/// A person's changes to how they sign in: the password, the authenticator, the recovery codes, the passkeys. Each is
/// audited in the transaction that makes it, as a change by an administrator is; a refused change records nothing.
/// The UserManager given is the one of this scope, so it writes through the same DbContext.
/// </summary>
public sealed class OwnSignInChanges(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    private sealed record SignInSnapshot(bool Password, bool Authenticator, int RecoveryCodes, int Passkeys);

    public async Task<IdentityResult> ChangeAsync(Actor actor, PortalUser user, AuditAction action, string summary, Func<Task<IdentityResult>> change, CancellationToken ct = default)
    {
        await using var transaction = await db.BeginSerializedAsync(ct);
        var before = await SnapshotAsync(user);
        var result = await change();
        if (result.Succeeded)
        {
            db.AuditEvents.Add(AuditEvent.Record(actor, time.UtcNow(), action, null, $"user {user.Email}", summary, before, await SnapshotAsync(user)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return result;
    }

    private async Task<SignInSnapshot> SnapshotAsync(PortalUser user) => new(
        await users.HasPasswordAsync(user),
        await users.GetTwoFactorEnabledAsync(user),
        await users.CountRecoveryCodesAsync(user),
        (await users.GetPasskeysAsync(user)).Count);
}
