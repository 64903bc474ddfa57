using AdminPortal.Application;
using AdminPortal.Infrastructure;
using AdminPortal.Infrastructure.Persistence;
using AdminPortal.Infrastructure.Seed;
using Microsoft.Extensions.Options;
using AdminPortal.Web;
using AdminPortal.Web.Api;
using AdminPortal.Web.Observability;
using AdminPortal.Web.Components;
using AdminPortal.Web.Security;
using AdminPortal.Web.Components.Shared;
using MudBlazor;
using MudBlazor.Services;

// --migrate-only prepares the database (migrations, roles, first admin, demo when enabled) and stops, for operators who
// run several instances with Database:MigrateOnStart off.
var migrateOnly = args.Contains(PortalEnvironment.MigrateOnly);
args = [.. args.Where(a => a != PortalEnvironment.MigrateOnly)];
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = PortalEnvironment.Default(args) });
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// How long a tab that went away (closed without a word, or cut off) keeps its circuit for a reconnect, and how many such
// circuits an instance keeps at most: both bound what closed tabs cost (docs/performance.md, soak).
builder.Services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(builder.Configuration.GetSection("Circuits"));
builder.Services.AddMudServices(options =>
{
    options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
    options.SnackbarConfiguration.PreventDuplicates = false;
    options.SnackbarConfiguration.ShowCloseIcon = true;
});
builder.Services.AddScoped<IPortalFeedback, MudPortalFeedback>();
builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalSecurity(builder.Configuration, builder.Environment);
builder.Services.AddPortalHardening(builder.Configuration);
builder.Services.AddScoped<PortalSignIn>();
builder.Services.AddScoped<AdminPortal.Web.Admin.PortalInvitations>();
builder.Services.AddSingleton<AdminPortal.Web.Admin.InvitationDelivery>();
builder.Services.AddScoped<AdminPortal.Web.Components.Pages.Numbers.BulkSelection>();
builder.Services.AddSingleton<ChangeFeed>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeFeed>());
builder.Services.AddSingleton<AdminPortal.Web.Components.Layout.NotificationFeed>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AdminPortal.Web.Components.Layout.NotificationFeed>());
builder.Services.AddPortalApi();
builder.Services.AddPortalTelemetry(builder.Configuration);

var app = builder.Build();
if (!app.Environment.IsDevelopment() && KeyStorage.UnencryptedInDatabase(app.Configuration))
{
    app.Logger.LogWarning(
        "The data-protection keys are kept in the database unencrypted: whoever reads the database or a backup can forge sign-in cookies. Set DataProtection:CertificatePath and DataProtection:CertificatePassword.");
}

if (migrateOnly || app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<PortalSeeder>().SeedAsync();
}

if (migrateOnly)
{
    return;
}

app.UsePortalHardening();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found");
app.UsePortalApiErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePortalApi();

app.MapStaticAssets();
// The portal's own policy already says frame-ancestors 'none'.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccountEndpoints();
app.MapPortalHealth();

app.Run();

/// <summary>Entry point, visible to the HTTP API tests' WebApplicationFactory.</summary>
public partial class Program;
