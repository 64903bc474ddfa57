using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AdminPortal.Web.Security;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a form post with an antiforgery token, so another site cannot sign a user out. It renews the user's
    /// security stamp, so that every other open tab and browser of the user ends at the next revalidation too.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromForm] string? returnUrl, HttpContext http, SignInManager<PortalUser> signIn, ILoggerFactory logs) =>
        {
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user && !(await signIn.UserManager.UpdateSecurityStampAsync(user)).Succeeded)
            {
                logs.CreateLogger(typeof(AccountEndpoints)).LogWarning("Sign-out could not renew the security stamp; the user's other sessions stay open until they expire");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/Account/Login?signedOut=true");
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Only paths of this site are followed after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
