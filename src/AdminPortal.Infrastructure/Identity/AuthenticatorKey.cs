using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Infrastructure.Identity;

public static class AuthenticatorKey
{
    /// <summary>
    /// Stores a user's authenticator key where UserManager reads it. Unlike ResetAuthenticatorKeyAsync this leaves the
    /// security stamp alone, so merely opening the set-up page does not end the user's other sessions.
    /// </summary>
    public static Task<IdentityResult> SetAsync(UserManager<PortalUser> users, PortalUser user, string key) =>
        users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key);
}
