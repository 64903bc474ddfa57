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
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Portal";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = SqliteSetup.Resolve(configuration.GetConnectionString(ConnectionStringName), contentRoot);
        services.AddPersistence(connectionString, configuration.GetValue("Database:BusyTimeoutMilliseconds", 5000));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.Section));
        services.AddSingleton<Api.IdempotencyStore>();
        services.AddPortalEmail(configuration);

        services.AddScoped<DemoData>();
        services.AddScoped<PortalSeeder>();
        services.AddHostedService<ReturnToInventoryService>();
        services.AddPortalWebhooks();
        services.AddHostedService<NotificationService>();
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

    public static IServiceCollection AddPersistence(this IServiceCollection services, string connectionString, int busyTimeoutMilliseconds)
    {
        services.AddDbContextFactory<PortalDbContext>(options => options.UsePortalSqlite(connectionString, busyTimeoutMilliseconds));

        // Identity builds its part of the model from these options: every context (host, tools, tests) gets the same
        // schema, with the passkey table of schema version 3.
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        services.AddSingleton<IPortalDbFactory, PortalDbFactory>();
        return services;
    }
}
