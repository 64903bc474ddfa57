using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;

namespace AdminPortal.Web.Security;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a form post with an antiforgery token, so another site cannot sign a user out. It renews the user's
    /// security stamp, so that every other open tab and browser of the user ends at the next revalidation too.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<PortalUser> signIn, ILoggerFactory logs) =>
        {
            // Checked here rather than by the framework, whose refusal would surface as a server error.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
            }

            if (await signIn.UserManager.GetUserAsync(http.User) is { } user && !(await signIn.UserManager.UpdateSecurityStampAsync(user)).Succeeded)
            {
                logs.CreateLogger(typeof(AccountEndpoints)).LogWarning("Sign-out could not renew the security stamp; the user's other sessions stay open until they expire");
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/Account/Login?signedOut=true");
        }).DisableAntiforgery().ExcludeFromDescription();

        // The options a browser needs to make a passkey (signed-in users) or to use one (anyone on the sign-in page).
        endpoints.MapPost("/Account/PasskeyCreationOptions", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<PortalUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http) || await signIn.UserManager.GetUserAsync(http.User) is not { } user)
            {
                return TypedResults.BadRequest();
            }

            var entity = new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.DisplayName };
            return TypedResults.Content(await signIn.MakePasskeyCreationOptionsAsync(entity), "application/json");
        }).RequireAuthorization().DisableAntiforgery().ExcludeFromDescription();

        endpoints.MapPost("/Account/PasskeyRequestOptions", async Task<IResult> (HttpContext http, IAntiforgery antiforgery, SignInManager<PortalUser> signIn) =>
            await antiforgery.IsRequestValidAsync(http)
                ? TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json")
                : TypedResults.BadRequest()).DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Only paths of this site are followed after sign-in: one leading slash, printable ASCII only (a full-width dot or a
    /// control character can make a browser read another host), at most 2,000 characters.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 } url
        && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and < (char)127)
            ? url
            : "/";
}
