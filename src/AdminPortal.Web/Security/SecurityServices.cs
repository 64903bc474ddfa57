using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Infrastructure.Persistence;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Security;

public static class SecurityServices
{
    public const string StaffPolicy = "Staff";
    public const string PortalUserPolicy = "PortalUser";
    public const string AdminPolicy = "Admin";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var contentRoot = environment.ContentRootPath;
        var development = environment.IsDevelopment();
        // Keys kept with the database so that sign-in cookies and antiforgery tokens survive a restart and, on a shared
        // database, every instance honours them; with a certificate configured the keys are encrypted at rest too.
        var protection = services.AddDataProtection().SetApplicationName("AdminPortal").PersistPortalKeys(configuration, contentRoot);
        if (configuration.GetValue<string>("DataProtection:CertificatePath") is { Length: > 0 } certificate)
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificate, contentRoot), configuration.GetValue<string>("DataProtection:CertificatePassword")));
        }

        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section))
            .Validate(o => o.RevalidationIntervalSeconds > 0 && o.IdleTimeoutMinutes > 0 && o.AbsoluteLifetimeHours > 0 && o.ThrottleWindowMinutes > 0, "Security settings must be positive")
            .ValidateOnStart();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider>(sp => new RevalidatingIdentityStateProvider(
            sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), security.RevalidationInterval));
        services.AddScoped<CircuitHandler, SessionCheckOnConnect>();
        services.AddScoped<CurrentActor>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<SignInThrottle>();

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
            // The __Host- prefix needs Secure, which a development server on plain HTTP cannot offer.
            cookie.Cookie.Name = development ? "portal.auth" : "__Host-portal.auth";
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.Path = "/";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            cookie.Events.OnSigningIn = SessionValidation.SigningInAsync;
            cookie.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        services.AddAntiforgery(antiforgery =>
        {
            // Secure on HTTPS, which every request is outside Development (HTTPS redirection); "Always" would make a plain
            // HTTP request that slipped past the redirection a server error instead of a refused form.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.Name = development ? "portal.af" : "__Host-portal.af";
        });

        services.AddPortalIdentity()
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<PortalUser>>(TokenOptions.DefaultAuthenticatorProvider);
        services.Configure<IdentityOptions>(configuration.GetSection("Identity"));
        // Passkeys sign in without a user name and always with the device's screen lock, which makes them two factors.
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
        });

        // Staff see every account, so a staff session counts only once signed in with a second factor.
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalUserPolicy, p => p.RequireRole(PortalRoles.All).RequireAssertion(c => !SecondFactor.IsStaffWithoutIt(c.User)))
            .AddPolicy(StaffPolicy, p => p.RequireRole(PortalRoles.Staff).RequireClaim(SecondFactor.ClaimType, SecondFactor.ClaimValue))
            .AddPolicy(AdminPolicy, p => p.RequireRole(PortalRoles.Admin).RequireClaim(SecondFactor.ClaimType, SecondFactor.ClaimValue));
        return services;
    }
}
