using System.Security.Claims;
using AdminPortal.Domain.Common;
using AdminPortal.Testing;
using AdminPortal.Web.Admin;
using AdminPortal.Web.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using AdminPortal.Web.Components.Shared;
using MudBlazor.Services;

namespace AdminPortal.Web.Tests;

/// <summary>
/// Renders pages with the real use cases on a real SQLite file: a click that should call a use case
/// is proven by what it changed in the database. The dialogs and snackbars are rendered beside the
/// page, as the layout does, so that confirmations can be answered and notifications read.
/// </summary>
public abstract class PageTest : BunitContext, IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;

    protected IRenderedComponent<Overlays> Overlays { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(configure: services => services.AddScoped<PortalInvitations>().AddSingleton<InvitationDelivery>());
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<IPortalFeedback, MudPortalFeedback>();
        // MudBlazor registers the system clock; pages must read the test's clock, as they read the host's in the portal.
        Services.AddSingleton<TimeProvider>(Db.Clock);
        Services.AddScoped<CurrentActor>();
        Services.AddScoped<Components.Pages.Numbers.BulkSelection>();
        // Not started: a test reads the newest change when it wants to, with CheckAsync.
        Services.AddSingleton(new ChangeFeed(Db.Services.GetRequiredService<IServiceScopeFactory>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<ChangeFeed>.Instance));
        Services.AddSingleton(new Components.Layout.NotificationFeed(
            Db.Services.GetRequiredService<IServiceScopeFactory>(),
            Db.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Application.Notifications.NotificationOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Components.Layout.NotificationFeed>.Instance));
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
        Overlays = Render<Overlays>();
    }

    protected async Task<T> InDbAsync<T>(Func<Infrastructure.Persistence.PortalDbContext, Task<T>> query)
    {
        await using var db = Db.NewContext();
        return await query(db);
    }

    /// <summary>The open dialog, found by its role as a screen reader finds it.</summary>
    protected AngleSharp.Dom.IElement Dialog() => Overlays.WaitForElement("[role=dialog], [role=alertdialog]");

    /// <summary>Clicks the confirming button of the open confirmation dialog, after checking its words.</summary>
    protected void Confirm(string buttonText)
    {
        var button = Overlays.WaitForElement("[role=dialog] [data-testid=confirm-ok]");
        Assert.Equal(buttonText, button.TextContent.Trim());
        button.Click();
    }

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

        if (actor.IsAdmin)
        {
            yield return SecurityServices.AdminPolicy;
        }
    }
}
