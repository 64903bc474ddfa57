using System.Security.Claims;
using System.Security.Cryptography;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Security;

public enum SignInOutcome
{
    SignedIn,
    NeedsSecondFactor,
    Refused,
    Throttled,
}

/// <summary>
/// Sign-in with a password, giving nothing away: an unknown user, a wrong password and a locked account get the same
/// answer and cost the same password check, and failures are throttled per client address and per user name.
/// Wrong passwords do not lock the account (the throttle limits them): a lockout would let anyone who knows an address
/// lock its owner out. Wrong authenticator codes at the second step, which only someone with the password reaches, still
/// do; wrong recovery codes are only throttled (Identity does not count them).
/// </summary>
public sealed class PortalSignIn(SignInManager<PortalUser> signIn, IPasswordHasher<PortalUser> hasher, SignInThrottle throttle, KnownDevices devices)
{
    private static readonly PortalUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static string? _nobodysHash;

    public async Task<SignInOutcome> PasswordAsync(HttpContext http, string email, string password, bool remember)
    {
        if (await throttle.BeginSignInAsync(http, email) is not { } attempt)
        {
            return SignInOutcome.Throttled;
        }

        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        var result = user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false);
        if (user is null || result.IsLockedOut)
        {
            // No password of a real user was checked: check one of nobody's, so the answer takes as long.
            hasher.VerifyHashedPassword(Nobody, _nobodysHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))), password);
        }

        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            return SignInOutcome.Refused;
        }

        await throttle.SucceededAsync(attempt);
        if (!result.Succeeded)
        {
            return SignInOutcome.NeedsSecondFactor;
        }

        devices.Remember(http, email);
        return SignInOutcome.SignedIn;
    }

    /// <summary>
    /// A passkey used with the device's screen lock (user verification is required) is something the person has and
    /// something they know or are: the session counts as signed in with a second factor, as after a code.
    /// </summary>
    public async Task<SignInOutcome> PasskeyAsync(HttpContext http, string? credentialJson)
    {
        if (await throttle.BeginSignInAsync(http, user: null) is not { } attempt)
        {
            return SignInOutcome.Throttled;
        }

        var assertion = await PasskeyCeremony.AssertAsync(signIn, credentialJson);
        if (assertion is not { Succeeded: true } || !await signIn.CanSignInAsync(assertion.User) || await signIn.UserManager.IsLockedOutAsync(assertion.User))
        {
            return SignInOutcome.Refused;
        }

        await throttle.SucceededAsync(attempt);

        // The passkey's signature counter moves on, so a cloned authenticator shows up.
        await signIn.UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
        await signIn.SignInWithClaimsAsync(assertion.User, isPersistent: false, [new Claim(SecondFactor.ClaimType, SecondFactor.ClaimValue)]);
        devices.Remember(http, assertion.User.Email!);
        return SignInOutcome.SignedIn;
    }

    /// <summary>The second step: a code of the authenticator app, or one of the recovery codes.</summary>
    public async Task<SignInOutcome> SecondFactorAsync(HttpContext http, string code, bool remember)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInOutcome.Refused;
        }

        if (await throttle.BeginSignInAsync(http, user.Email) is not { } attempt)
        {
            return SignInOutcome.Throttled;
        }

        var digits = new string([.. code.Where(c => !char.IsWhiteSpace(c)).Take(64)]);
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, remember, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(digits);
        if (!result.Succeeded)
        {
            return SignInOutcome.Refused;
        }

        await throttle.SucceededAsync(attempt);
        devices.Remember(http, user.Email!);
        return SignInOutcome.SignedIn;
    }
}
