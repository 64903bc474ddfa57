using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AdminPortal.Web.Security;

/// <summary>
/// A browser that signed in as someone before carries a cookie saying so (OWASP's device cookie). Its sign-ins as that
/// person are limited on their own, not with everyone else's failures for the same user name: a stranger who knows an
/// address can hold off sign-ins from new browsers, but cannot lock its owner out of the ones they use.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, IHostEnvironment environment)
{
    private const int MaxCookieLength = 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("AdminPortal.KnownDevice").ToTimeLimitedDataProtector();

    // The __Host- prefix needs Secure, which a development server on plain HTTP cannot offer.
    private string CookieName => environment.IsDevelopment() ? "portal.device" : "__Host-portal.device";

    /// <summary>This browser's device id when it signed in as <paramref name="user"/> before; null otherwise.</summary>
    public string? Of(HttpContext http, string user)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 and <= MaxCookieLength } cookie)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(cookie).Split('\n');
            return parts.Length == 2 && parts[0] == UserName(user) ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>After a sign-in with every step done: this browser is known for <paramref name="user"/> from now on.</summary>
    public void Remember(HttpContext http, string user) =>
        http.Response.Cookies.Append(
            CookieName,
            _protector.Protect($"{UserName(user)}\n{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}", Lifetime),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = !environment.IsDevelopment() || http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                MaxAge = Lifetime,
                IsEssential = true,
            });

    /// <summary>
    /// A user name as the throttle counts it: as Identity looks it up (NFC, then upper case), so that spellings that find the
    /// same user (a Kelvin sign for a K, decomposed accents) share one count; trimmed and cut to a bounded length.
    /// </summary>
    public static string UserName(string user)
    {
        var name = user.Trim().Normalize().ToUpperInvariant();
        return name.Length > 256 ? name[..256] : name;
    }
}
