using System.Globalization;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Security;

/// <summary>
/// Every request that carries the sign-in cookie: a session older than its absolute lifetime ends; at least every
/// revalidation interval the user is checked again (deleted, locked out, security stamp or roles changed) and a session
/// that no longer holds ends at once.
/// </summary>
public static class SessionValidation
{
    private const string SignedInAt = "portal.signed_in_at";
    private const string CheckedAt = "portal.checked_at";

    /// <summary>Notes when the session began; a renewal keeps it, so sliding never outlives the absolute lifetime.</summary>
    public static Task SigningInAsync(CookieSigningInContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Properties.Items.TryAdd(SignedInAt, now.ToString("O", CultureInfo.InvariantCulture));
        context.Properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (context.Principal is null
            || Time(context.Properties, SignedInAt) is not { } signedInAt
            || now - signedInAt >= TimeSpan.FromHours(options.AbsoluteLifetimeHours))
        {
            await RejectAsync(context);
            return;
        }

        if (Time(context.Properties, CheckedAt) is { } checkedAt && now - checkedAt < options.RevalidationInterval)
        {
            return;
        }

        if (!await SessionCheck.IsStillValidAsync(services.GetRequiredService<UserManager<PortalUser>>(), context.Principal, now))
        {
            await RejectAsync(context);
            return;
        }

        context.Properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static DateTimeOffset? Time(AuthenticationProperties properties, string key) =>
        properties.Items.TryGetValue(key, out var value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
