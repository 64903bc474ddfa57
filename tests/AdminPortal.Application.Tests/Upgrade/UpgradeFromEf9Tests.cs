using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Upgrade;

/// <summary>
/// portal-ef9.sqlite was written by the portal on .NET 9 and EF Core 9 (its four migrations, the demo, then a detached
/// agent, a request, an approval, a rejection and a cancelled release made over the API). The current build opens it.
/// </summary>
public sealed class UpgradeFromEf9Tests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Upgrade", "portal-ef9.sqlite");

    [Fact]
    public async Task Migrating_a_database_of_the_previous_release_keeps_every_row_of_every_table_as_it_was()
    {
        var before = await DumpAsync(Fixture);

        await using var db = await TestDatabase.CreateAsync(copyOf: Fixture);
        var after = await DumpAsync(db.FilePath);

        Assert.Equal(before.Keys.Order(), after.Keys.Where(before.ContainsKey).Order());
        Assert.All(before, table => Assert.Equal(table.Value, after[table.Key]));
        Assert.Equal(291, before["PhoneNumbers"].Count);
        Assert.Equal(16, before["AuditEvents"].Count);
    }

    [Fact]
    public async Task The_pending_migrations_apply_on_start_and_add_identitys_passkey_table()
    {
        await using var db = await TestDatabase.CreateAsync(copyOf: Fixture);
        await using var context = db.NewContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Ct));
        Assert.Contains(await context.Database.GetAppliedMigrationsAsync(Ct), m => m.EndsWith("_IdentityPasskeys", StringComparison.Ordinal));
        Assert.Empty(await context.Set<Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>>().ToListAsync(Ct));
        Assert.Equal(5, await context.Users.CountAsync(u => u.PasswordHash != null, Ct));
    }

    [Fact]
    public async Task The_upgraded_data_reads_and_changes_through_the_use_cases_with_its_audit_trail_still_append_only()
    {
        await using var db = await TestDatabase.CreateAsync(copyOf: Fixture);
        var owner = await ActorAsync(db, "owner@example.com", PortalRoles.Owner);
        var reviewer = await ActorAsync(db, "reviewer2@example.com", PortalRoles.Reviewer);

        var page = (await db.Get<GetNumberPage>().HandleAsync(owner, NumberKey.ByE164("acc_123abc", "+14155551234"), Ct)).Succeeded();
        Assert.Equal(NumberStatus.ReleasePending, page.Number.Status);
        Assert.Equal("The support line moved to the new contact centre.", page.Number.PendingRequest!.Reason);
        Assert.Equal([Domain.Audit.AuditAction.ReleaseRequested, Domain.Audit.AuditAction.AgentDetached], page.History.Select(e => e.Action));

        var requestId = page.Number.PendingRequest.Id;
        (await db.Get<ApproveRequest>().HandleAsync(reviewer, requestId, Ct)).Succeeded();
        await using var context = db.NewContext();
        Assert.Equal(ReleaseRequestStatus.Approved, await context.ReleaseRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync(Ct));
        Assert.Equal(17, await context.AuditEvents.CountAsync(Ct));
        await Assert.ThrowsAsync<SqliteException>(() => context.Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET Summary = 'changed'", Ct));
    }

    private static async Task<Actor> ActorAsync(TestDatabase db, string email, string role)
    {
        await using var context = db.NewContext();
        var id = await context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return Actor.Create(id, email, role);
    }

    /// <summary>Every row of every table, in rowid order, as text.</summary>
    private static async Task<Dictionary<string, List<string>>> DumpAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync(Ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
            }

            dump[table] = rows;
        }

        return dump;
    }
}
