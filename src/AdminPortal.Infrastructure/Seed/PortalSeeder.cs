using Microsoft.AspNetCore.DataProtection;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdminPortal.Infrastructure.Seed;

/// <summary>
/// Prepares the database at start-up, or in the separate <c>--migrate-only</c> step: migrations, the first data-protection
/// key, roles always, the first admin if configured, the demo if enabled.
/// </summary>
public sealed partial class PortalSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    DemoData demo,
    IOptions<DemoOptions> demoOptions,
    IOptions<BootstrapOptions> bootstrap,
    IHostEnvironment environment,
    IDataProtectionProvider protection,
    ILogger<PortalSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await db.MigrateAsync(ct);

        // The key ring's first key is made here, before any instance serves: instances started together would each make
        // their own, and for a while not read each other's cookies.
        protection.CreateProtector(nameof(PortalSeeder)).Protect("key ring ready");

        // Instances starting together on one database: one at a time checks and creates the roles and the first administrator.
        await using (var transaction = await db.BeginSerializedAsync(ct))
        {
            foreach (var role in PortalRoles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    Ensure(await roles.CreateAsync(new IdentityRole(role)), role);
                }
            }

            if (bootstrap.Value is { AdminEmail.Length: > 0, AdminPassword.Length: > 0 } admin && !(await users.GetUsersInRoleAsync(PortalRoles.Admin)).Any())
            {
                await CreateUserAsync(admin.AdminEmail, "Administrator", admin.AdminPassword, PortalRoles.Admin);
                LogBootstrapped(admin.AdminEmail);
            }

            await transaction.CommitAsync(ct);
        }

        if (demoOptions.Value.Seed && environment.IsProduction())
        {
            LogDemoRefused();
        }
        else if (demoOptions.Value.Seed && !await db.Accounts.AnyAsync(ct))
        {
            await demo.SeedAsync(this, ct);
            LogDemoSeeded();
        }
    }

    internal async Task<PortalUser> CreateUserAsync(string email, string displayName, string password, params string[] userRoles)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true };
        Ensure(await users.CreateAsync(user, password), email);
        Ensure(await users.AddToRolesAsync(user, userRoles), email);
        return user;
    }

    /// <summary>Turns on two-step sign-in with a known authenticator key, as the user's own enrolment would.</summary>
    internal async Task EnrolAuthenticatorAsync(PortalUser user, string key)
    {
        Ensure(await AuthenticatorKey.SetAsync(users, user, key), user.Email!);
        Ensure(await users.SetTwoFactorEnabledAsync(user, true), user.Email!);
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(LogLevel.Information, "Created the first administrator {Email}")]
    private partial void LogBootstrapped(string email);

    [LoggerMessage(LogLevel.Information, "Seeded the demo data")]
    private partial void LogDemoSeeded();

    [LoggerMessage(LogLevel.Warning, "Demo:Seed is ignored in Production: demo users have published passwords")]
    private partial void LogDemoRefused();
}
