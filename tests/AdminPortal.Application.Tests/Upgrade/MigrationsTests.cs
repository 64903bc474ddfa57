using AdminPortal.Infrastructure;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Application.Tests.Upgrade;

public sealed class MigrationsTests
{
    /// <summary>Each provider's migrations are generated from the one model: a change to it needs a migration in both folders.</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=unused.invalid;Database=portal")]
    public void The_model_has_no_change_that_a_migration_of_each_provider_does_not_make(DatabaseProvider provider, string connectionString)
    {
        using var services = new ServiceCollection().AddLogging().AddPersistence(new DatabaseOptions { Provider = provider }, connectionString).BuildServiceProvider();
        using var context = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"Add a {provider} migration: dotnet ef migrations add <Name> --context {context.GetType().Name} (see README, Database migrations)");
    }
}
