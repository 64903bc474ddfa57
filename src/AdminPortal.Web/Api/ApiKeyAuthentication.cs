using System.Security.Claims;
using System.Text.Encodings.Web;
using AdminPortal.Application.ApiKeys;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using AdminPortal.Web.Security;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Api;

/// <summary>
/// <c>Authorization: Bearer nrp_…</c> acts as the key's user with the roles that user has now: the key is looked
/// up on every call, so a revoked key, a locked-out user or a removed role takes effect at once.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiKey keys,
    UserManager<PortalUser> users,
    SignInThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "api_key_id";

    private const string BearerPrefix = "Bearer ";
    private const string Throttled = "Too many calls with a bad API key from this address";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be \"Bearer <API key>\"");
        }

        // A valid key always works: bad keys from a shared address (a NAT, a proxy) must not lock its other users out.
        var owner = await keys.HandleAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        var user = owner is null ? null : await users.FindByIdAsync(owner.UserId);
        if (owner is null || user is null || await users.IsLockedOutAsync(user))
        {
            if (await throttle.ApiKeyBlockedAsync(Context))
            {
                return AuthenticateResult.Fail(Throttled);
            }

            await throttle.ApiKeyFailedAsync(Context);
            return AuthenticateResult.Fail("The API key is unknown or has been revoked");
        }

        // Only what the API reads: who, their roles now, and the key (the sign-in cookie's other claims would cost a
        // query each on every call).
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(PortalRoles.Staff.Contains) && !await users.GetTwoFactorEnabledAsync(user))
        {
            return AuthenticateResult.Fail("Staff API keys work once two-step sign-in is on: turn it on under Two-step sign-in in the portal");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!), new Claim(KeyIdClaim, owner.KeyId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure?.Message == Throttled)
        {
            Response.Headers.RetryAfter = ((int)throttle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiResults.WriteAsync(Context, new Error(
                Errors.RateLimited,
                "Too many calls with an unknown or revoked API key came from this address",
                "Check the key on the portal's API keys page, then wait before calling again (Retry-After)"));
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiResults.WriteAsync(Context, new Error(
            Errors.Unauthenticated,
            result.Failure?.Message ?? "This call needs an API key",
            "Send \"Authorization: Bearer <API key>\"; create a key on the portal's API keys page"));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiResults.WriteAsync(Context, new Error(
            Errors.Forbidden,
            "This user has no portal role",
            "Ask an administrator to give the user the Owner or Reviewer role"));
}
