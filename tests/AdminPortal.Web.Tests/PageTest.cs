using System.Security.Claims;
using AdminPortal.Domain.Common;
using AdminPortal.Testing;
using AdminPortal.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Radzen;
using Radzen.Blazor;

namespace AdminPortal.Web.Tests;

/// <summary>
/// Renders pages with the real use cases on a real SQLite file: a click that should call a use case
/// is proven by what it changed in the database. Radzen's dialogs and notifications are rendered
/// beside the page so that confirmations can be answered.
/// </summary>
public abstract class PageTest : BunitContext, IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;

    protected IRenderedComponent<RadzenComponents> Overlays { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddScoped<CurrentActor>();
        Services.AddFallbackServiceProvider(Db.Services);
    }

    /// <summary>Signs the actor in for the components rendered after this call.</summary>
    protected void SignIn(Actor actor)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(actor.Name);
        auth.SetRoles([.. actor.Roles]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId));
        auth.SetPolicies([.. PoliciesOf(actor)]);
        Overlays = Render<RadzenComponents>();
    }

    protected async Task<T> InDbAsync<T>(Func<Infrastructure.Persistence.PortalDbContext, Task<T>> query)
    {
        await using var db = Db.NewContext();
        return await query(db);
    }

    /// <summary>Clicks the button of the open confirmation dialog.</summary>
    protected void Confirm(string buttonText) =>
        Overlays.WaitForElement(".rz-dialog-confirm-buttons").QuerySelectorAll("button").Single(b => b.TextContent.Trim().Equals(buttonText, StringComparison.OrdinalIgnoreCase)).Click();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Db.DisposeAsync();
    }

    private static IEnumerable<string> PoliciesOf(Actor actor)
    {
        if (actor.Roles.Count > 0)
        {
            yield return SecurityServices.PortalUserPolicy;
        }

        if (actor.IsStaff)
        {
            yield return SecurityServices.StaffPolicy;
        }
    }
}
