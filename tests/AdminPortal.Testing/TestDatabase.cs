using AdminPortal.Application;
using AdminPortal.Application.Common;
using AdminPortal.Infrastructure;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace AdminPortal.Testing;

/// <summary>
/// A real database, migrated like production, with the Application layer and Identity wired to it and a clock that only
/// moves when a test moves it. Each instance is a fresh SQLite file, or a fresh PostgreSQL database when
/// <c>PORTAL_TEST_POSTGRES</c> names a server (test.sh runs the Application and API suites both ways), copied from one
/// the process migrated first; deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The smallest step of time both databases keep (PostgreSQL stores microseconds): "just before" a moment.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMicroseconds(1);

    private readonly ServiceProvider _services;
    private readonly IServiceCollection _registrations;
    private ServiceProvider? _anotherInstance;

    private TestDatabase(string path, string connectionString, IServiceCollection registrations, FakeTimeProvider clock)
    {
        FilePath = path;
        ConnectionString = connectionString;
        _registrations = registrations;
        _services = registrations.BuildServiceProvider();
        Clock = clock;
    }

    /// <summary>The server the suites run on instead of SQLite files, from <c>PORTAL_TEST_POSTGRES</c>.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public static bool OnPostgres => PostgresServer is not null;

    public static DatabaseProvider Provider => OnPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The SQLite file (on PostgreSQL, a temp path that only names the test's other files, such as its keys).</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>What a portal host needs to run on this database.</summary>
    public Dictionary<string, string?> HostSettings => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Portal"] = ConnectionString,
    };

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <param name="copyOf">A portal database file to start from (a copy is migrated), instead of an empty one.</param>
    public static async Task<TestDatabase> CreateAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? copyOf = null)
    {
        var name = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Path.GetTempPath(), "adminportal-tests", $"{name}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (copyOf is not null)
        {
            File.Copy(copyOf, path);
        }

        // The template is migrated without the test's own settings and services (an interceptor that fails writes, say).
        Func<string, Task> migrate = async template => await (await CreateAsync(template, path, null, null))._services.DisposeAsync();
        var connectionString = copyOf is not null ? $"Data Source={path}"
            : OnPostgres ? await PostgresTemplate.CreateDatabaseAsync($"t_{name}", migrate)
            : await SqliteTemplate.CopyToAsync(path, migrate);
        return await CreateAsync(connectionString, path, settings, configure);
    }

    private static async Task<TestDatabase> CreateAsync(string connectionString, string path, IDictionary<string, string?>? settings, Action<IServiceCollection>? configure)
    {
        var clock = new FakeTimeProvider(Start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication(configuration);
        services.AddPersistence(
            new DatabaseOptions { Provider = connectionString.StartsWith("Data Source=", StringComparison.Ordinal) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, BusyTimeoutMilliseconds = 10_000 },
            connectionString);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPortalIdentity();
        services.AddPortalEmail(configuration);
        services.AddPortalWebhooks();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(services);

        var database = new TestDatabase(path, connectionString, services, clock);
        await using var db = database.NewContext();
        await db.MigrateAsync();
        return database;
    }

    /// <summary>Services that add <paramref name="interceptor"/> to every context, whichever provider the tests run on.</summary>
    public static Action<IServiceCollection> Intercepted(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor) => services =>
    {
        services.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(interceptor));
        services.ConfigureDbContext<PostgresPortalDbContext>(o => o.AddInterceptors(interceptor));
    };

    /// <summary>A use case as the pages get it: a new instance from a new scope.</summary>
    public T Get<T>()
        where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>A use case as another portal instance on this database gets it: the same clock, its own in-process state (such as <see cref="ChangeTurns"/>).</summary>
    public T GetFromAnotherInstance<T>()
        where T : notnull => (_anotherInstance ??= _registrations.BuildServiceProvider()).CreateScope().ServiceProvider.GetRequiredService<T>();

    public PortalDbContext NewContext() => _services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>().CreateDbContext();

    private Given? _given;

    public Given Given() => _given ??= new(this);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_anotherInstance is not null)
        {
            await _anotherInstance.DisposeAsync();
        }

        if (!ConnectionString.StartsWith("Data Source=", StringComparison.Ordinal))
        {
            await PostgresTemplate.DropDatabaseAsync(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
