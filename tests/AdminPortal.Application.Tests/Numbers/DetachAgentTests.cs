using System.Text.Json;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Tests.Numbers;

public sealed class DetachAgentTests
{
    [Fact]
    public async Task A_release_is_refused_with_NUMBER_IN_USE_until_every_agent_is_detached()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot", "Sales Line"));

        var error = await db.RefusesAsync(() => Request(db, portal, number), Errors.NumberInUse);
        Assert.Equal("Phone number is assigned to 2 active agents and cannot be released", error.Message);
        Assert.Equal("Detach the agents (Support Bot, Sales Line) and try again", error.Fix);

        (await db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_1", Ct)).Succeeded();
        error = await db.RefusesAsync(() => Request(db, portal, number), Errors.NumberInUse);
        Assert.Equal("Detach the agent (Sales Line) and try again", error.Fix);

        (await db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_2", Ct)).Succeeded();
        (await Request(db, portal, number)).Succeeded();

        Assert.Equal(NumberStatus.ReleasePending, (await portal.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task Detaching_an_agent_removes_it_and_writes_one_audit_event_with_the_agents_before_and_after()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot", "Sales Line"));

        var detached = (await db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_1", Ct)).Succeeded();

        Assert.Equal(new AgentView("agt_1", "Support Bot"), detached);
        var stored = await portal.LoadNumberAsync(number.Id);
        Assert.Equal(["agt_2"], stored.Agents.Select(a => a.AgentId));
        Assert.Equal(NumberStatus.Active, stored.Status);
        var audit = Assert.Single(await portal.AuditAsync());
        Assert.Equal(AuditAction.AgentDetached, audit.Action);
        Assert.Equal(portal.Owner.UserId, audit.ActorId);
        Assert.Equal(number.Id, audit.PhoneNumberId);
        Assert.Null(audit.ReleaseRequestId);
        Assert.Contains("Support Bot", audit.Summary);
        Assert.Equal(["Support Bot", "Sales Line"], Agents(audit.Before));
        Assert.Equal(["Sales Line"], Agents(audit.After));
    }

    [Fact]
    public async Task Detaching_an_agent_that_is_not_attached_gives_AGENT_NOT_FOUND_and_stores_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot"));

        var error = await db.RefusesAsync(
            () => db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_404", Ct),
            Errors.AgentNotFound);

        Assert.Contains("agt_404", error.Message);
    }

    [Fact]
    public async Task Detaching_the_same_agent_twice_succeeds_once_and_is_audited_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot"));
        (await db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_1", Ct)).Succeeded();

        await db.RefusesAsync(() => db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), "agt_1", Ct), Errors.AgentNotFound);

        Assert.Single(await portal.AuditAsync());
    }

    [Fact]
    public async Task A_reviewer_can_detach_an_agent_from_a_number_of_any_account()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot"), accountId: Cast.OtherAccountId);

        (await db.Get<DetachAgent>().HandleAsync(portal.Reviewer, NumberKey.ById(number.Id), "agt_1", Ct)).Succeeded();

        Assert.Empty((await portal.LoadNumberAsync(number.Id)).Agents);
        Assert.Equal(portal.Reviewer.UserId, Assert.Single(await portal.AuditAsync()).ActorId);
    }

    private static Task<Result<ReleaseRequestView>> Request(TestDatabase db, Portal portal, PhoneNumber number) =>
        db.Get<RequestRelease>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Cast.Reason, Ct);

    private static string[] Agents(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("agents").EnumerateArray().Select(a => a.GetString()!).ToArray();
}
