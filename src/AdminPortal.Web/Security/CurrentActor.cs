using System.Security.Claims;
using AdminPortal.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace AdminPortal.Web.Security;

/// <summary>The signed-in user as the Application layer's <see cref="Actor"/>.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return From(state.User);
    }

    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user is signed in."),
        user.Identity?.Name ?? "unknown",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
