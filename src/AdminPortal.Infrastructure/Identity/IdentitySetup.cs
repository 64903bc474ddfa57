using AdminPortal.Application.Users;
using AdminPortal.Infrastructure.Persistence;
using AdminPortal.Infrastructure.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Infrastructure.Identity;

public static class IdentitySetup
{
    /// <summary>
    /// Identity's users, roles and passwords on the portal's database, and the user directory of administration. The host
    /// adds sign-in on top; tests use it as it is.
    /// </summary>
    public static IdentityBuilder AddPortalIdentity(this IServiceCollection services)
    {
        services.AddSingleton<IUserDirectory, UserDirectory>();
        services.AddScoped<OwnSignInChanges>();

        // OWASP's figure for PBKDF2-HMAC-SHA512; older hashes are upgraded at their user's next sign-in.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        return services.AddIdentityCore<PortalUser>(options =>
            {
                // OWASP ASVS 5.0 V6: at least 12 characters, long passphrases allowed, no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.Name)
            .AddPasswordValidator<MaximumLengthPasswordValidator>();
    }
}

/// <summary>Passphrases of up to 128 characters are accepted; longer input is refused rather than silently cut.</summary>
public sealed class MaximumLengthPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MaxLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." })
            : IdentityResult.Success);
}
