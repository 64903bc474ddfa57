using System.Security.Claims;
using AdminPortal.Domain.Common;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Infrastructure.Persistence;
using AdminPortal.Testing;
using AdminPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminPortal.Web.Tests.Security;

/// <summary>What the circuit's revalidation (every minute) decides about a signed-in session, on real Identity stores.</summary>
public sealed class SessionCheckTests : IAsyncLifetime
{
    private const string Password = "Correct-Horse-Battery-9";

    private TestDatabase _db = null!;
    private AsyncServiceScope _scope;
    private UserManager<PortalUser> _users = null!;
    private PortalUser _user = null!;
    private ClaimsPrincipal _session = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _scope = _db.Services.CreateAsyncScope();
        _users = _scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var roles = _scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        _user = new PortalUser { UserName = Cast.OwnerEmail, Email = Cast.OwnerEmail, LockoutEnabled = true };
        Assert.True((await _users.CreateAsync(_user, Password)).Succeeded);
        Assert.True((await _users.AddToRoleAsync(_user, PortalRoles.Owner)).Succeeded);
        _session = await _scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(_user);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _db.DisposeAsync();
    }

    private Task<bool> StillValid() => SessionCheck.IsStillValidAsync(_users, _session, _db.Clock.GetUtcNow());

    [Fact]
    public async Task A_session_stays_valid_while_the_user_keeps_its_roles_and_stamp()
    {
        Assert.True(await StillValid());
    }

    [Fact]
    public async Task Removing_a_role_ends_the_session()
    {
        await _users.RemoveFromRoleAsync(_user, PortalRoles.Owner);

        Assert.False(await StillValid());
    }

    [Fact]
    public async Task Adding_a_role_ends_the_session_so_that_the_new_rights_come_with_a_new_sign_in()
    {
        await _users.AddToRoleAsync(_user, PortalRoles.Reviewer);

        Assert.False(await StillValid());
    }

    [Fact]
    public async Task Locking_the_user_out_ends_the_session_until_the_lockout_is_over()
    {
        await _users.SetLockoutEndDateAsync(_user, _db.Clock.GetUtcNow().AddMinutes(15));

        Assert.False(await StillValid());
        _db.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await StillValid());
    }

    [Fact]
    public async Task A_password_change_ends_sessions_signed_in_with_the_old_one()
    {
        Assert.True((await _users.ChangePasswordAsync(_user, Password, "Another-Passphrase-2027")).Succeeded);

        Assert.False(await StillValid());
    }

    [Fact]
    public async Task A_new_circuit_checks_its_session_at_once_rather_than_at_the_next_interval()
    {
        var stillValid = await CircuitOpenedAsync();
        await _users.SetLockoutEndDateAsync(_user, _db.Clock.GetUtcNow().AddMinutes(15));
        var lockedOut = await CircuitOpenedAsync();

        Assert.True(stillValid.Identity?.IsAuthenticated);
        Assert.False(lockedOut.Identity?.IsAuthenticated);
    }

    private async Task<ClaimsPrincipal> CircuitOpenedAsync()
    {
        using var circuit = new RevalidatingIdentityStateProvider(NullLoggerFactory.Instance, _db.Services.GetRequiredService<IServiceScopeFactory>(), _db.Clock, TimeSpan.FromMinutes(1));
        circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(_session)));
        await new SessionCheckOnConnect(circuit).OnCircuitOpenedAsync(null!, TestContext.Current.CancellationToken);
        return (await circuit.GetAuthenticationStateAsync()).User;
    }

    [Fact]
    public async Task A_deleted_user_loses_its_session()
    {
        await _users.DeleteAsync(_user);

        Assert.False(await StillValid());
    }
}
