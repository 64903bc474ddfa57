using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Infrastructure.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Upgrade;

/// <summary>
/// portal-ef9.sqlite was written by the portal on .NET 9 and EF Core 9 (its four migrations, the demo, then a detached
/// agent, a request, an approval, a rejection, a cancelled release and the approval of a number bought two months before,
/// with its $25.00 fee, all made over the API). The current build opens it.
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
        // Columns a migration dropped (the fee, now on the request only) or added (the audit chain's hash, an event's subject,
        // a user's disabling, the timing, batch and approvals of a request, a number's recent calls, an idempotency claim's
        // token) aside.
        string[] added = ["Hash", "Subject", "DisabledAt", "Timing", "ScheduledFor", "BatchId", "SecondApprovalReasons", "FirstApprovedById", "FirstApprovedByName", "FirstApprovedAt", "CallsLast30Days", "ClaimToken"];
        Assert.All(before, table => Assert.Equal(Without(table.Value, "ReleaseFeeCents"), Without(after[table.Key], added)));
        Assert.Equal(291, before["PhoneNumbers"].Count);
        Assert.Equal(18, before["AuditEvents"].Count);
    }

    [Fact]
    public async Task The_fee_a_released_number_carried_is_the_fee_of_its_approved_request_after_the_upgrade()
    {
        var before = await ScalarsAsync(Fixture, "SELECT E164 || '=' || ReleaseFeeCents FROM PhoneNumbers WHERE Status IN ('Released', 'Returned') ORDER BY E164");

        await using var db = await TestDatabase.CreateAsync(copyOf: Fixture);
        var after = await ScalarsAsync(db.FilePath, """
            SELECT n.E164 || '=' || r.FeeCents FROM PhoneNumbers n JOIN ReleaseRequests r ON r.PhoneNumberId = n.Id AND r.Status = 'Approved' AND r.FeeVoidedAt IS NULL
            WHERE n.Status IN ('Released', 'Returned') ORDER BY n.E164
            """);

        Assert.Equal(["+14155550103=0", "+14155550107=0", "+14155550108=0", "+14155560013=2500"], before);
        Assert.Equal(before, after);
    }

    private static List<string> Without(List<string> rows, params string[] columns) =>
        [.. rows.Select(row => string.Join("|", row.Split('|').Where(cell => !columns.Any(column => cell.StartsWith(column + "=", StringComparison.Ordinal)))))];

    private static async Task<List<string>> ScalarsAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
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
        var owner = await ActorAsync(db, DemoData.OwnerEmail, PortalRoles.Owner);
        var reviewer = await ActorAsync(db, DemoData.SecondReviewerEmail, PortalRoles.Reviewer);

        var page = (await db.Get<GetNumberPage>().HandleAsync(owner, NumberKey.ByE164(DemoData.MainAccountId, DemoData.ShowcaseNumber), Ct)).Succeeded();
        Assert.Equal(NumberStatus.ReleasePending, page.Number.Status);
        Assert.Equal("The support line moved to the new contact centre.", page.Number.PendingRequest!.Reason);
        Assert.Equal([Domain.Audit.AuditAction.ReleaseRequested, Domain.Audit.AuditAction.AgentDetached], page.History.Select(e => e.Action));

        var requestId = page.Number.PendingRequest.Id;
        (await db.Get<ApproveRequest>().HandleAsync(reviewer, requestId, Ct)).Succeeded();
        await using var context = db.NewContext();
        Assert.Equal(ReleaseRequestStatus.Approved, await context.ReleaseRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync(Ct));
        Assert.Equal(19, await context.AuditEvents.CountAsync(Ct));
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
            // Ordinary tables only: the search index's virtual table and its shadow tables have no rowid order to compare.
            list.CommandText = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND wr = 0 AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
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
                // By column name: a migration that rebuilds a table may put its columns in another order.
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")
                    .Order(StringComparer.Ordinal)));
            }

            dump[table] = rows;
        }

        return dump;
    }
}
