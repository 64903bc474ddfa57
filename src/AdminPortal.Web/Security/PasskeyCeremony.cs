using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Security;

/// <summary>Identity's passkey checks, answering null instead of throwing for whatever a browser sends that is not a passkey.</summary>
public static class PasskeyCeremony
{
    /// <summary>A browser's passkey answer is a few kilobytes; anything far larger is not one.</summary>
    public const int MaxCredentialLength = 64 * 1024;

    public static Task<PasskeyAssertionResult<PortalUser>?> AssertAsync(SignInManager<PortalUser> signIn, string? credentialJson) =>
        RunAsync(credentialJson, signIn.PerformPasskeyAssertionAsync);

    public static Task<PasskeyAttestationResult?> AttestAsync(SignInManager<PortalUser> signIn, string? credentialJson) =>
        RunAsync(credentialJson, signIn.PerformPasskeyAttestationAsync);

    private static async Task<T?> RunAsync<T>(string? credentialJson, Func<string, Task<T>> check)
        where T : class
    {
        if (credentialJson is not { Length: > 0 and <= MaxCredentialLength })
        {
            return null;
        }

        try
        {
            return await check(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // Identity throws when this browser has no ceremony underway: the options were never asked for, or already used.
            return null;
        }
    }
}
