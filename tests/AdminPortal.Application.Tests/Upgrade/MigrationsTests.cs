using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Upgrade;

public sealed class MigrationsTests
{
    [Fact]
    public async Task The_model_has_no_change_that_a_migration_does_not_make()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = db.NewContext();

        Assert.False(context.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> (see docs/decisions/0003)");
    }
}
