using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Security;

public static class SecurityServices
{
    public const string StaffPolicy = "Staff";
    public const string PortalUserPolicy = "PortalUser";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Keys kept beside the database so that sign-in cookies and antiforgery tokens survive a restart.
        var keys = Path.GetFullPath(configuration.GetValue("DataProtection:KeysFolder", "App_Data/keys")!, contentRoot);
        services.AddDataProtection().SetApplicationName("AdminPortal").PersistKeysToFileSystem(new DirectoryInfo(keys));

        var revalidation = TimeSpan.FromSeconds(configuration.GetValue("Security:RevalidationIntervalSeconds", 60));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider>(sp => new RevalidatingIdentityStateProvider(
            sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), revalidation));
        services.AddScoped<CurrentActor>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Api.ApiServices.SelectingScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "portal.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = revalidation);

        services.AddIdentityCore<PortalUser>(options =>
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
            .AddSignInManager()
            .AddPasswordValidator<MaximumLengthPasswordValidator>();
        services.Configure<IdentityOptions>(configuration.GetSection("Identity"));

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalUserPolicy, p => p.RequireRole(PortalRoles.All))
            .AddPolicy(StaffPolicy, p => p.RequireRole(PortalRoles.Reviewer, PortalRoles.Admin));
        return services;
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
