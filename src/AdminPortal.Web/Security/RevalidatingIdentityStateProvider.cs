using System.Security.Claims;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace AdminPortal.Web.Security;

/// <summary>
/// Checks the signed-in user of a circuit when it opens and again at a fixed interval: a deleted, locked-out or
/// disabled user, a changed security stamp or a changed set of roles ends the session in the circuit.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    TimeProvider time,
    TimeSpan interval) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await SessionCheck.IsStillValidAsync(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), authenticationState.User, time.GetUtcNow());
    }

    /// <summary>Checks the session now rather than at the next interval; one that no longer holds ends in this circuit.</summary>
    public async Task CheckNowAsync(CancellationToken cancellationToken)
    {
        var state = await GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated == true && !await ValidateAuthenticationStateAsync(state, cancellationToken))
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }
}

/// <summary>A new circuit checks its session at once: the page it was rendered from may have been validated a minute ago.</summary>
internal sealed class SessionCheckOnConnect(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        authentication is RevalidatingIdentityStateProvider revalidating ? revalidating.CheckNowAsync(cancellationToken) : Task.CompletedTask;
}

public static class SessionCheck
{
    /// <summary>Whether the session's user still exists, is not locked out, has the same security stamp and exactly the same roles.</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<PortalUser> users, ClaimsPrincipal principal, DateTimeOffset now)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || (user.LockoutEnd is { } lockoutEnd && lockoutEnd > now))
        {
            return false;
        }

        var stampClaim = users.Options.ClaimsIdentity.SecurityStampClaimType;
        if (users.SupportsUserSecurityStamp && principal.FindFirstValue(stampClaim) != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.ToHashSet().SetEquals(principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }
}
