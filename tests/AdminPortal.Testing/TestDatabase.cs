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
/// A real SQLite file, migrated like production, with the Application layer and Identity wired to it and a clock
/// that only moves when a test moves it. Each instance is a fresh file, deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private TestDatabase(string path, ServiceProvider services, FakeTimeProvider clock)
    {
        FilePath = path;
        _services = services;
        Clock = clock;
    }

    public string FilePath { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <param name="copyOf">A portal database file to start from (a copy is migrated), instead of an empty one.</param>
    public static async Task<TestDatabase> CreateAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, string? copyOf = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "adminportal-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (copyOf is not null)
        {
            File.Copy(copyOf, path);
        }

        var clock = new FakeTimeProvider(Start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication(configuration);
        services.AddPersistence($"Data Source={path}", busyTimeoutMilliseconds: 10_000);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPortalIdentity();
        services.AddPortalEmail(configuration);
        services.AddPortalWebhooks();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development });
        services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(services);

        var database = new TestDatabase(path, services.BuildServiceProvider(), clock);
        await using var db = database.NewContext();
        await SqliteSetup.MigrateAsync(db);
        return database;
    }

    /// <summary>A use case as the pages get it: a new instance from a new scope.</summary>
    public T Get<T>()
        where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public PortalDbContext NewContext() => _services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PortalDbContext>>().CreateDbContext();

    private Given? _given;

    public Given Given() => _given ??= new(this);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
