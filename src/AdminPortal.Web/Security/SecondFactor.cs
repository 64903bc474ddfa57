using System.Buffers.Binary;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Security;

/// <summary>The second factor staff need: an authenticator app (TOTP, RFC 6238) set up through Identity.</summary>
public static class SecondFactor
{
    /// <summary>Identity's mark on a session signed in with a second factor.</summary>
    public const string ClaimType = "amr";
    public const string ClaimValue = "mfa";

    private static bool IsStaff(ClaimsPrincipal user) => PortalRoles.Staff.Any(user.IsInRole);

    /// <summary>A staff session signed in with a password only: it reaches the account pages and nothing else.</summary>
    public static bool IsStaffWithoutIt(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && IsStaff(user) && !user.HasClaim(ClaimType, ClaimValue);

    /// <summary>
    /// Whether this session may add or change a way of signing in: one signed in with a second factor, or that of a person
    /// who has none yet (setting up their first). Otherwise a stolen password would enrol the thief's own authenticator or
    /// passkey on an account that has one, and with it reach the staff pages.
    /// </summary>
    public static async Task<bool> MayChangeFactorsAsync(UserManager<PortalUser> users, PortalUser user, ClaimsPrincipal session) =>
        session.HasClaim(ClaimType, ClaimValue) || (!await users.GetTwoFactorEnabledAsync(user) && (await users.GetPasskeysAsync(user)).Count == 0);

    /// <summary>What authenticator apps scan: the key, the issuer and the account.</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("AdminPortal")}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString("AdminPortal")}&digits=6";

    /// <summary>The code an authenticator app shows now for a Base32 key: for the Development demo's hint only.</summary>
    public static string CurrentCode(string base32Key, DateTimeOffset now)
    {
        var step = now.ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return code.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in key.ToUpperInvariant().Where(c => c is not ('=' or ' ')))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
