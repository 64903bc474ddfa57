using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Tests.Numbers;

public sealed class GetNumberTests
{
    [Fact]
    public async Task Details_show_the_account_assignments_and_the_pending_request()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync("+14155551234");
        var request = await portal.RequestAsync(number);

        var details = (await db.Get<GetNumber>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal((number.Id, $"Account {Cast.AccountId}", "+14155551234", NumberStatus.ReleasePending), (details.Id, details.AccountName, details.E164, details.Status));
        Assert.Equal((Cast.TrunkGroup, Cast.InboundRouting, A2pStatus.Pending), (details.TrunkGroup, details.InboundRouting, details.A2pStatus));
        Assert.Equal((request.Id, Cast.OwnerEmail, Cast.Reason), (details.PendingRequest?.Id, details.PendingRequest?.RequestedByName, details.PendingRequest?.Reason));
        Assert.False(details.CanCancelRelease);
    }

    [Fact]
    public async Task The_number_page_reads_the_details_the_preview_and_the_newest_history_first_from_one_loading()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync("+14155551234", shape: Portal.WithAgents("Support Bot"));
        var agentId = number.Agents[0].AgentId;
        (await db.Get<DetachAgent>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), agentId, Ct)).Succeeded();
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        await portal.RequestAsync(number);

        var page = (await db.Get<GetNumberPage>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal((NumberStatus.ReleasePending, Cast.Reason), (page.Number.Status, page.Number.PendingRequest?.Reason));
        Assert.Equal([Errors.ReleaseAlreadyPending], page.Preview.Blockers.Select(b => b.Code));
        Assert.Empty(page.Preview.ApprovalBlockers);
        Assert.Equal([Domain.Audit.AuditAction.ReleaseRequested, Domain.Audit.AuditAction.AgentDetached], page.History.Select(e => e.Action));
        Assert.Equal(db.Now, page.AsOf);
    }

    [Fact]
    public async Task The_number_page_of_another_tenant_s_number_is_not_found()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();

        var result = await db.Get<GetNumberPage>().HandleAsync(portal.Stranger, NumberKey.ById(number.Id), Ct);

        result.Failed(Errors.NumberNotFound);
    }

    [Fact]
    public async Task The_requester_and_the_account_s_owners_may_withdraw_the_pending_request_and_a_reviewer_may_not()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync();
        await portal.RequestAsync(number, portal.Reviewer);
        var coOwner = await portal.CoOwnerAsync();

        async Task<bool?> CanWithdraw(Actor actor) =>
            (await db.Get<GetNumber>().HandleAsync(actor, NumberKey.ById(number.Id), Ct)).Succeeded().PendingRequest?.CanWithdraw;

        Assert.Equal([true, true, true, false], [await CanWithdraw(portal.Reviewer), await CanWithdraw(portal.Owner), await CanWithdraw(coOwner), await CanWithdraw(portal.SecondReviewer)]);
    }

    [Fact]
    public async Task Details_list_the_attached_agents()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync(shape: Portal.WithAgents("Support Bot", "Sales Line"));

        var details = (await db.Get<GetNumber>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal([new AgentView("agt_1", "Support Bot"), new AgentView("agt_2", "Sales Line")], details.Agents);
        Assert.Null(details.PendingRequest);
    }

    [Fact]
    public async Task A_released_number_shows_its_cooling_off_and_that_it_can_be_cancelled_until_available_after()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var (number, _, released) = await portal.ReleasedNumberAsync();
        db.Clock.SetUtcNow(released.AvailableAfter!.Value - TestDatabase.Resolution);

        var before = (await db.Get<GetNumber>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();
        db.Clock.Advance(TestDatabase.Resolution);
        var at = (await db.Get<GetNumber>().HandleAsync(portal.Owner, NumberKey.ById(number.Id), Ct)).Succeeded();

        Assert.Equal((released.ReleasedAt!.Value, released.AvailableAfter!.Value, Cast.TrunkGroup), (before.ReleasedAt!.Value, before.AvailableAfter!.Value, before.TrunkGroupBeforeRelease));
        Assert.True(before.CanCancelRelease);
        Assert.False(at.CanCancelRelease);
    }

    [Fact]
    public async Task A_number_can_be_named_by_account_and_E164_in_any_format()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);
        var number = await portal.NumberAsync("+14155551234");

        var details = (await db.Get<GetNumber>().HandleAsync(portal.Owner, NumberKey.ByE164(Cast.AccountId, "+1 (415) 555-1234"), Ct)).Succeeded();

        Assert.Equal(number.Id, details.Id);
    }

    [Fact]
    public async Task A_missing_number_is_named_in_its_E164_form_whatever_way_it_was_written()
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        var missing = await db.Get<GetNumber>().HandleAsync(portal.Owner, NumberKey.ByE164(Cast.AccountId, "1 (999) 555-0000"), Ct);

        Assert.Contains("+19995550000 was not found", missing.Failed(Errors.NumberNotFound).Message);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("phn_0123456789012345678901234567890123456789")]
    public async Task A_blank_or_overlong_id_is_not_repeated_back_in_the_not_found_message(string id)
    {
        await using var db = await TestDatabase.CreateAsync();
        var portal = await Portal.CreateAsync(db);

        var missing = await db.Get<GetNumber>().HandleAsync(portal.Owner, NumberKey.ById(id), Ct);

        Assert.Equal("That phone number was not found in your accounts", missing.Failed(Errors.NumberNotFound).Message);
    }
}
