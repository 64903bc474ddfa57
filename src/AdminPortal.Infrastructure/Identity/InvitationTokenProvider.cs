using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Infrastructure.Identity;

/// <summary>
/// Tokens of invitation links: valid for 72 hours by the portal's clock, for one user, and only until the user's security
/// stamp changes, which setting the first password (or a newer invitation) does: each link works once.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider time) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "Invitation";
    public const string Purpose = "invitation";
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(72);

    private readonly IDataProtector _protector = protection.CreateProtector("AdminPortal.Invitation");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user)
    {
        var content = string.Join('\n', time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), user.Id, purpose, await manager.GetSecurityStampAsync(user));
        return Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(content)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        return parts.Length == 4
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && time.GetUtcNow().UtcTicks - ticks is >= 0 and var age && age <= Lifespan.Ticks
            && parts[1] == user.Id && parts[2] == purpose && parts[3] == await manager.GetSecurityStampAsync(user);
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
