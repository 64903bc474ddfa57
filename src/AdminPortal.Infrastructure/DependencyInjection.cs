using AdminPortal.Application.Common;
using AdminPortal.Application.Notifications;
using AdminPortal.Infrastructure.Email;
using AdminPortal.Infrastructure.Identity;
using AdminPortal.Application.Webhooks;
using AdminPortal.Infrastructure.Jobs;
using AdminPortal.Infrastructure.Webhooks;
using AdminPortal.Infrastructure.Persistence;
using AdminPortal.Infrastructure.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Portal";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        services.AddPersistence(database, database.Provider == DatabaseProvider.Sqlite ? SqliteSetup.Resolve(connectionString, contentRoot) : connectionString);
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddSingleton<Api.IdempotencyStore>();
        services.AddPortalEmail(configuration);

        services.AddScoped<DemoData>();
        services.AddScoped<PortalSeeder>();
        services.AddHostedService<ReturnToInventoryService>();
        services.AddSingleton<Observability.PortalMetrics>();
        services.AddSingleton<QueueSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<QueueSampler>());
        services.AddPortalWebhooks();
        services.AddHostedService<NotificationService>();
        services.AddHostedService<WebhookService>();
        return services;
    }

    /// <summary>Signing, sending and where webhooks may go.</summary>
    public static IServiceCollection AddPortalWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookSecrets, WebhookSecrets>();
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddSingleton<IWebhookAddressCheck, PublicAddresses>();
        return services;
    }

    /// <summary>Identity's e-mail sender: SMTP when Email:Smtp:Host is set, the outbox otherwise.</summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection(EmailOptions.Section);
        services.Configure<EmailOptions>(email);
        if (email.Get<EmailOptions>() is { UsesSmtp: true })
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, OutboxMailTransport>();
        }

        services.AddSingleton<IEmailSender<PortalUser>, PortalEmailSender>();

        return services;
    }

    public static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseOptions database, string? connectionString)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(database));
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddPortalContext<SqlitePortalDbContext>(options => options.UsePortalSqlite(connectionString ?? SqliteSetup.DefaultConnectionString, database.BusyTimeoutMilliseconds));
                services.AddSingleton<Throttling.WindowCounter, Throttling.MemoryWindowCounter>();
                break;
            case DatabaseProvider.Postgres when !string.IsNullOrWhiteSpace(connectionString):
                services.AddPortalContext<PostgresPortalDbContext>(options => options.UsePortalPostgres(connectionString));
                services.AddSingleton<Throttling.WindowCounter, Throttling.DatabaseWindowCounter>();
                break;
            case DatabaseProvider.Postgres:
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Portal is empty. Set it, for example "
                    + "\"Host=db.example.com;Database=portal;Username=portal;Password=...\".");
            default:
                throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not {database.Provider}.");
        }

        // Identity builds its part of the model from these options: every context (host, tools, tests) gets the same
        // schema, with the passkey table of schema version 3.
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        services.AddSingleton<IPortalDbFactory, PortalDbFactory>();
        return services;
    }

    /// <summary>Every consumer asks for <see cref="PortalDbContext"/>; the provider's subclass answers.</summary>
    private static void AddPortalContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : PortalDbContext
    {
        services.AddDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbFactory.Upcast<TContext>>();
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
