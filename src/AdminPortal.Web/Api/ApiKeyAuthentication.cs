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
    private const string Fix = "Send \"Authorization: Bearer <API key>\"; create a key on the portal's API keys page";

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
            return Refuse(new(Errors.Unauthenticated, "The Authorization header must be \"Bearer <API key>\"", Fix));
        }

        // A valid key always works: bad keys from a shared address (a NAT, a proxy) must not lock its other users out.
        var owner = await keys.HandleAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        var user = owner.IsSuccess ? await users.FindByIdAsync(owner.Value.UserId) : null;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            if (await throttle.ApiKeyBlockedAsync(Context))
            {
                return Refuse(new(
                    Errors.RateLimited,
                    "Too many calls with an unknown or revoked API key came from this address",
                    "Check the key on the portal's API keys page, then wait before calling again (Retry-After)"));
            }

            await throttle.ApiKeyFailedAsync(Context);
            return Refuse(owner.IsSuccess
                ? new(Errors.Unauthenticated, "The API key's user is disabled or locked out", "Ask an administrator to unlock or enable the user")
                : owner.Error);
        }

        // Only what the API reads: who, their roles now, and the key (the sign-in cookie's other claims would cost a
        // query each on every call).
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(PortalRoles.Staff.Contains) && !await users.GetTwoFactorEnabledAsync(user))
        {
            return Refuse(new(Errors.Unauthenticated, "Staff API keys work once two-step sign-in is on", "Turn it on under Two-step sign-in in the portal"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!), new Claim(KeyIdClaim, owner.Value.KeyId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refused = (await HandleAuthenticateOnceSafeAsync()).Failure is Refusal { Error: var error }
            ? error
            : new Error(Errors.Unauthenticated, "This call needs an API key", Fix);
        if (refused.Code == Errors.RateLimited)
        {
            Response.Headers.RetryAfter = ((int)throttle.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        await ApiResults.WriteAsync(Context, refused);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiResults.WriteAsync(Context, new Error(
            Errors.Forbidden,
            "This user has no portal role",
            "Ask an administrator to give the user the Owner or Reviewer role"));

    private static AuthenticateResult Refuse(Error error) => AuthenticateResult.Fail(new Refusal(error));

    /// <summary>Carries the refusal's whole error (its code and fix too) from authentication to the challenge that answers it.</summary>
    private sealed class Refusal(Error error) : Exception(error.Message)
    {
        public Error Error { get; } = error;
    }
}
