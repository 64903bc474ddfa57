using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Concurrency;

/// <summary>The persistence raises an entity's version on every saved change, so that a save from a stale copy fails.</summary>
public sealed class VersionTokenTests
{
    [Fact]
    public async Task Each_saved_change_raises_the_version_by_one_and_a_save_without_changes_does_not()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        await portal.ChangeNumberAsync(number.Id, n => n.SetCallsInProgress(1));
        await portal.ChangeNumberAsync(number.Id, n => n.SetActiveCampaign("Spring sale"));
        await portal.ChangeNumberAsync(number.Id, _ => { });

        Assert.Equal(2, (await db.LoadNumberAsync(number.Id)).Version);
    }

    [Fact]
    public async Task Attaching_or_detaching_an_agent_raises_the_numbers_version_though_only_its_agents_changed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        await portal.ChangeNumberAsync(number.Id, n => n.AttachAgent(new AttachedAgent("agt_1", "Support Bot")));
        Assert.Equal(1, (await db.LoadNumberAsync(number.Id)).Version);
        await portal.ChangeNumberAsync(number.Id, n => n.DetachAgent("agt_1"));

        Assert.Equal(2, (await db.LoadNumberAsync(number.Id)).Version);
    }

    [Fact]
    public async Task A_save_from_a_copy_loaded_before_another_change_is_a_CONCURRENT_UPDATE_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: n => n.AttachAgent(new AttachedAgent("agt_1", "Support Bot")));
        await using var stale = db.NewContext();
        var staleCopy = await stale.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == number.Id, Ct);

        await portal.ChangeNumberAsync(number.Id, n => n.SetActiveCampaign("Spring sale"));
        staleCopy.DetachAgent("agt_1").Succeeded();
        var saved = await stale.CommitAsync(Ct);

        saved.Failed(Errors.ConcurrentUpdate);
        var stored = await db.LoadNumberAsync(number.Id);
        Assert.Equal((1, "Spring sale", 1), (stored.Agents.Count, stored.ActiveCampaign, stored.Version));
    }
}
