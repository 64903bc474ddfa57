using System.Security.Claims;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Security;

/// <summary>
/// Checks the signed-in user of a live circuit again at a fixed interval: a deleted, locked-out or
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
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null || (user.LockoutEnd is { } lockoutEnd && lockoutEnd > time.GetUtcNow()))
        {
            return false;
        }

        var stampClaim = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (users.SupportsUserSecurityStamp && principal.FindFirstValue(stampClaim) != await users.GetSecurityStampAsync(user))
        {
            return false;
        }

        var roles = await users.GetRolesAsync(user);
        return roles.ToHashSet().SetEquals(principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }
}
