using AdminPortal.Application.Audit;
using AdminPortal.Application.Numbers;
using AdminPortal.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Tests.Audit;

public sealed class QueryAuditTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Portal _portal = null!;
    private string _mineId = null!;
    private string _theirsId = null!;
    private DateTime _approvedAt;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _portal = await Portal.CreateAsync(_db);
        var mine = await _portal.NumberAsync("+14155551234", shape: Portal.WithAgents("Support Bot"));
        var theirs = await _portal.NumberAsync("+442071838750", accountId: Cast.OtherAccountId);
        (_mineId, _theirsId) = (mine.Id, theirs.Id);

        (await _db.Get<DetachAgent>().HandleAsync(_portal.Owner, NumberKey.ById(mine.Id), "agt_1", Ct)).Succeeded();
        _db.Clock.Advance(TimeSpan.FromHours(1));
        var request = await _portal.RequestAsync(mine);
        _db.Clock.Advance(TimeSpan.FromHours(1));
        _approvedAt = _db.Now;
        await _portal.ApproveAsync(request.Id);
        _db.Clock.Advance(TimeSpan.FromHours(1));
        await _portal.RequestAsync(theirs, by: _portal.Stranger);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_owner_reads_only_its_own_accounts_trail_newest_first()
    {
        var page = await Query(_portal.Owner, new AuditFilter());

        Assert.Equal([AuditAction.ReleaseApproved, AuditAction.ReleaseRequested, AuditAction.AgentDetached], page.Items.Select(e => e.Action));
        Assert.All(page.Items, e => Assert.Equal(Cast.AccountId, e.AccountId));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task The_trail_is_ordered_by_the_time_of_the_change_even_when_an_older_event_was_stored_later()
    {
        await using (var ctx = _db.NewContext())
        {
            var number = await ctx.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == _mineId, Ct);
            var imported = AuditEvent.Record(_portal.Owner, _approvedAt.AddDays(-10), AuditAction.AgentDetached, number, null, "Imported from the previous system", Result.Success);
            ctx.AuditEvents.Add(imported.Value);
            await ctx.SaveChangesAsync(Ct);
        }

        var page = await Query(_portal.Owner, new AuditFilter());

        Assert.Equal(4, page.Items.Count);
        Assert.Equal("Imported from the previous system", page.Items[^1].Summary);
        Assert.Equal(page.Items.OrderByDescending(e => e.OccurredAt).Select(e => e.Id), page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Staff_read_the_trail_of_every_account()
    {
        var page = await Query(_portal.Reviewer, new AuditFilter());

        Assert.Equal(4, page.TotalCount);
        Assert.Equal(_theirsId, page.Items[0].PhoneNumberId);
    }

    [Fact]
    public async Task The_trail_can_be_filtered_by_account_number_E164_user_and_action()
    {
        Assert.Equal(1, (await Query(_portal.Reviewer, new AuditFilter(AccountId: Cast.OtherAccountId))).TotalCount);
        Assert.Equal(3, (await Query(_portal.Reviewer, new AuditFilter(NumberId: _mineId))).TotalCount);
        Assert.Equal(1, (await Query(_portal.Reviewer, new AuditFilter(E164: "44 20-7183-8750"))).TotalCount);
        Assert.Equal([AuditAction.ReleaseApproved], (await Query(_portal.Reviewer, new AuditFilter(User: "reviewer@"))).Items.Select(e => e.Action));
        Assert.Equal([AuditAction.ReleaseApproved], (await Query(_portal.Reviewer, new AuditFilter(User: "Reviewer@Example.COM"))).Items.Select(e => e.Action));
        Assert.Equal([_mineId], (await Query(_portal.Reviewer, new AuditFilter(Action: AuditAction.AgentDetached))).Items.Select(e => e.PhoneNumberId));
    }

    [Fact]
    public async Task The_time_filter_includes_from_and_excludes_to()
    {
        var from = await Query(_portal.Reviewer, new AuditFilter(From: _approvedAt));
        var to = await Query(_portal.Reviewer, new AuditFilter(To: _approvedAt));

        Assert.Equal([AuditAction.ReleaseRequested, AuditAction.ReleaseApproved], from.Items.Select(e => e.Action));
        Assert.Equal([AuditAction.ReleaseRequested, AuditAction.AgentDetached], to.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task An_owner_filtering_by_another_account_number_sees_nothing()
    {
        var page = await Query(_portal.Owner, new AuditFilter(NumberId: _theirsId));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task A_bad_E164_filter_gives_INVALID_E164()
    {
        (await _db.Get<QueryAudit>().HandleAsync(_portal.Reviewer, new AuditFilter(E164: "not-a-number"), new Paging(), Ct)).Failed(Errors.InvalidE164);
    }

    [Fact]
    public async Task Each_entry_carries_the_state_before_and_after()
    {
        var approved = Assert.Single((await Query(_portal.Owner, new AuditFilter(Action: AuditAction.ReleaseApproved))).Items);

        Assert.Contains("\"status\":\"release_pending\"", approved.Before);
        Assert.Contains("\"status\":\"released\"", approved.After);
        Assert.Equal(_approvedAt, approved.OccurredAt);
    }

    private async Task<Page<AuditEntryView>> Query(Actor actor, AuditFilter filter) =>
        (await _db.Get<QueryAudit>().HandleAsync(actor, filter, new Paging(), Ct)).Succeeded();
}
