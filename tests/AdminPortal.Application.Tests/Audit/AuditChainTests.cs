using AdminPortal.Application.Audit;
using AdminPortal.Application.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Audit;

/// <summary>The audit trail as a hash chain: intact as written, and the first tampered event named.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public async Task Events_written_one_after_another_and_at_once_form_an_intact_chain()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await portal.RequestAsync(await portal.NumberAsync())));
        await portal.ApproveAsync((await portal.RequestAsync(await portal.NumberAsync())).Id);

        var verified = (await db.Get<VerifyAuditTrail>().HandleAsync(portal.Reviewer, Ct)).Succeeded();

        Assert.Equal((true, 8, 0, (long?)null), (verified.Intact, verified.EventsChecked, verified.EventsBeforeTheChain, verified.FirstBrokenEventId));
        Assert.Equal((await portal.AuditAsync())[^1].Hash, verified.HeadHash);
    }

    [Fact]
    public async Task An_edited_event_is_named_as_the_first_broken_link()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        for (var i = 0; i < 4; i++)
        {
            await portal.RequestAsync(await portal.NumberAsync());
        }

        var edited = (await portal.AuditAsync())[1];
        await TamperAsync(db, ctx => ctx.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Summary\" = 'Nothing happened here' WHERE \"Id\" = {edited.Id}", Ct));

        var verified = (await db.Get<VerifyAuditTrail>().HandleAsync(portal.Reviewer, Ct)).Succeeded();

        Assert.False(verified.Intact);
        Assert.Equal(edited.Id, verified.FirstBrokenEventId);
        Assert.Contains($"Audit event {edited.Id}", verified.Problem);
    }

    [Fact]
    public async Task A_removed_event_breaks_the_link_of_the_event_after_it()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        for (var i = 0; i < 4; i++)
        {
            await portal.RequestAsync(await portal.NumberAsync());
        }

        var trail = await portal.AuditAsync();
        await TamperAsync(db, ctx => ctx.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Id\" = {trail[1].Id}", Ct));

        var verified = (await db.Get<VerifyAuditTrail>().HandleAsync(portal.Reviewer, Ct)).Succeeded();

        Assert.Equal(trail[2].Id, verified.FirstBrokenEventId);
    }

    [Fact]
    public async Task Only_staff_verify_the_chain()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        (await db.Get<VerifyAuditTrail>().HandleAsync(portal.Owner, Ct)).Failed(Errors.StaffOnly);
    }

    /// <summary>What an attacker with the database file could do: drop the append-only triggers and change rows.</summary>
    private static async Task TamperAsync(TestDatabase db, Func<Infrastructure.Persistence.PortalDbContext, Task<int>> change)
    {
        await using var ctx = db.NewContext();
        await ctx.Database.ExecuteSqlRawAsync(TestDatabase.OnPostgres ? Infrastructure.Persistence.PostgresSql.DropAuditTrailGuard : Infrastructure.Persistence.AuditTrailGuard.Drop, Ct);
        await change(ctx);
    }
}
