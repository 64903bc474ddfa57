using System.Collections.Concurrent;
using AdminPortal.Web.Security;
using System.Net.Http.Headers;
using AdminPortal.Application.ApiKeys;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AdminPortal.Api.Tests.Support;

/// <summary>A caller of the API: the user and the API key it sends.</summary>
public sealed record ApiUser(Actor Actor, string KeyId, string Secret);

/// <summary>
/// The whole portal served in memory on a fresh database (TestDatabase: SQLite, or PostgreSQL), without demo data. <see cref="Owner"/> owns
/// <see cref="Cast.AccountId"/>, <see cref="Stranger"/> owns <see cref="Cast.OtherAccountId"/>, <see cref="SelfServiceOwner"/> owns
/// <see cref="Cast.SelfServiceAccountId"/> (SelfService policy), and two reviewers work the queue; each calls with its own key.
/// The clock only moves when a test moves it.
/// </summary>
public sealed class ApiHost : IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configure;
    private readonly string _environment;
    private readonly List<WebApplicationFactory<Program>> _instances = [];
    private string _keysFolder = string.Empty;

    public ApiHost()
        : this(new Dictionary<string, string?>(), null, "Testing")
    {
    }

    private ApiHost(Dictionary<string, string?> settings, Action<IServiceCollection>? configure, string environment)
    {
        _settings = settings;
        _configure = configure;
        _environment = environment;
    }

    public TestDatabase Db { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public ApiUser Owner { get; private set; } = null!;

    public ApiUser Stranger { get; private set; } = null!;

    public ApiUser SelfServiceOwner { get; private set; } = null!;

    public ApiUser Reviewer { get; private set; } = null!;

    public ApiUser SecondReviewer { get; private set; } = null!;

    public DateTime Now => Db.Now;

    /// <summary>A host with settings, services or an environment of its own, such as a low rate limit or Production.</summary>
    public static async Task<ApiHost> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null, string environment = "Testing")
    {
        var host = new ApiHost(settings, configure, environment);
        await host.InitializeAsync();
        return host;
    }

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        _keysFolder = Db.FilePath + "-keys";
        var defaults = Db.HostSettings;
        defaults["Demo:Seed"] = "false";
        defaults["DataProtection:KeysFolder"] = _keysFolder;
        defaults["Api:RateLimitPerMinute"] = "100000";
        foreach (var (key, value) in defaults)
        {
            // The test's own settings win.
            _settings.TryAdd(key, value);
        }

        Factory = AnotherInstance();

        Owner = await UserAsync(Cast.OwnerEmail, PortalRoles.Owner);
        Stranger = await UserAsync(Cast.StrangerEmail, PortalRoles.Owner);
        SelfServiceOwner = await UserAsync(Cast.SelfServiceOwnerEmail, PortalRoles.Owner);
        Reviewer = await UserAsync(Cast.ReviewerEmail, PortalRoles.Reviewer);
        SecondReviewer = await UserAsync(Cast.SecondReviewerEmail, PortalRoles.Reviewer);
        var given = Db.Given();
        await given.AccountAsync(Cast.AccountId, Owner.Actor);
        await given.AccountAsync(Cast.OtherAccountId, Stranger.Actor);
        await given.AccountAsync(Cast.SelfServiceAccountId, SelfServiceOwner.Actor, ReleasePolicy.SelfService);
    }

    /// <summary>
    /// One more portal process on the same database and settings, as a second instance behind a load balancer would be;
    /// disposed with this host.
    /// </summary>
    /// <param name="settings">Settings of this instance alone, such as a key folder on its own disk.</param>
    public WebApplicationFactory<Program> AnotherInstance(Dictionary<string, string?>? settings = null)
    {
        var instance = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(_environment);
            foreach (var (key, value) in _settings.Concat(settings ?? []))
            {
                web.UseSetting(key, value);
            }

            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Db.Clock);

                // Tests move the clock by days: the return-to-inventory and notification workers would race them, and a periodic
                // timer on the test clock ticks once for every period skipped. Both have tests of their own.
                foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name is "ReturnToInventoryService" or "NotificationService").ToList())
                {
                    services.Remove(worker);
                }
                _configure?.Invoke(services);
            });
        });
        _ = instance.Server;
        _instances.Add(instance);
        return instance;
    }

    /// <summary>
    /// The cast's password hashed as the portal hashes it: at 210,000 iterations a hash takes about 0.2 s of a core, and
    /// every host makes five users. The salt being shared by them harms nothing here.
    /// </summary>
    private static readonly ConcurrentDictionary<int, string> CastPasswordHashes = new();

    /// <summary>A user created as an administrator would, with the cast's password, an API key of its own and, for staff, an authenticator.</summary>
    public async Task<ApiUser> UserAsync(string email, params string[] roles)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, LockoutEnabled = true };
        var hashing = scope.ServiceProvider.GetRequiredService<IOptions<PasswordHasherOptions>>();
        user.PasswordHash = CastPasswordHashes.GetOrAdd(hashing.Value.IterationCount, _ => new PasswordHasher<PortalUser>(hashing).HashPassword(user, Cast.Password));
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        if (roles.Any(PortalRoles.Staff.Contains))
        {
            // Staff work only with two-step sign-in on.
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var actor = Actor.Create(user.Id, email, roles);
        var issued = (await scope.ServiceProvider.GetRequiredService<CreateApiKey>().HandleAsync(actor, "tests", Ct)).Succeeded();
        return new ApiUser(actor, issued.Key.Id, issued.Secret);
    }

    /// <summary>The code the user's authenticator app shows now. Identity checks codes against the system clock, not the test clock.</summary>
    public async Task<string> AuthenticatorCodeAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
        return SecondFactor.CurrentCode(key!, DateTimeOffset.UtcNow);
    }

    /// <summary>A client that calls as <paramref name="user"/>, or without any credentials.</summary>
    public HttpClient Client(ApiUser? user = null) => Client(user is null ? null : $"Bearer {user.Secret}");

    public HttpClient Client(string? authorization)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return client;
    }

    /// <summary>An active number bought a year ago (no fee), with trunk group, routing and no agents unless shaped.</summary>
    public Task<PhoneNumber> NumberAsync(string accountId = Cast.AccountId, Action<PhoneNumber>? shape = null, int purchasedDaysAgo = 365) =>
        Db.Given().NumberAsync(accountId, purchasedDaysAgo: purchasedDaysAgo, shape: shape);

    public static Action<PhoneNumber> WithAgent(string agentId = "agt_support_bot", string name = "Support Bot") =>
        n => n.AttachAgent(new AttachedAgent(agentId, name));

    public Task<PhoneNumber> LoadNumberAsync(string id) => Db.LoadNumberAsync(id);

    public Task<IReadOnlyList<AuditEvent>> AuditOfAsync(string numberId) => Db.AuditAsync(numberId);

    /// <summary>The audit events of one kind, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditedAsync(AuditAction action)
    {
        await using var db = Db.NewContext();
        return await db.AuditEvents.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    public async Task<int> RequestCountAsync(string numberId) => (await Db.RequestsForAsync(numberId)).Count;

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await Db.DisposeAsync();
        if (Directory.Exists(_keysFolder))
        {
            Directory.Delete(_keysFolder, recursive: true);
        }
    }
}
