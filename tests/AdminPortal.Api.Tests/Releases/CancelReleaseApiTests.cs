using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Releases;

/// <summary>Released numbers, cancelling a release during its cooling-off period, and the audit trail of it all.</summary>
public sealed class CancelReleaseApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Cancelling_during_cooling_off_makes_the_number_active_with_trunk_group_and_routing_restored()
    {
        var number = await host.ReleasedNumberAsync(purchasedDaysAgo: 40);
        host.Db.Clock.Advance(TimeSpan.FromDays(29));

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/cancel-release");

        var cancelled = await response.JsonAsync();
        Assert.Equal(number.E164, cancelled.String("e164"));
        Assert.Equal("active", cancelled.String("status"));
        Assert.Equal(host.Now, cancelled.Time("release_cancelled_at"));
        Assert.Equal(Cast.TrunkGroup, cancelled.String("trunk_group"));
        Assert.Equal(Cast.InboundRouting, cancelled.String("inbound_routing"));
        Assert.False(string.IsNullOrWhiteSpace(cancelled.String("message")));
        var restored = await host.LoadNumberAsync(number.Id);
        Assert.Equal((NumberStatus.Active, Cast.TrunkGroup, Cast.InboundRouting, 0L), (restored.Status, restored.TrunkGroup, restored.InboundRouting, await host.Db.FeeChargedAsync(number.Id)));
        Assert.Equal(AuditAction.ReleaseCancelled, (await host.AuditOfAsync(number.Id))[^1].Action);
    }

    [Fact]
    public async Task A_reviewer_may_cancel_a_release_too()
    {
        var number = await host.ReleasedNumberAsync();

        using var response = await host.Client(host.SecondReviewer).PostJsonAsync($"{Steps.NumberUrl(number)}/cancel-release");

        Assert.Equal("active", (await response.JsonAsync()).String("status"));
    }

    [Fact]
    public async Task Cancelling_once_the_cooling_off_period_ended_gets_409_COOLING_OFF_EXPIRED_and_changes_nothing()
    {
        var number = await host.ReleasedNumberAsync();
        host.Db.Clock.Advance(TimeSpan.FromDays(30));
        var auditBefore = (await host.AuditOfAsync(number.Id)).Count;

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/cancel-release");

        await response.ErrorAsync(HttpStatusCode.Conflict, "COOLING_OFF_EXPIRED");
        Assert.Equal(NumberStatus.Released, (await host.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(auditBefore, (await host.AuditOfAsync(number.Id)).Count);
    }

    [Fact]
    public async Task Cancelling_a_number_that_is_not_released_gets_409_NOT_RELEASABLE()
    {
        var number = await host.NumberAsync();

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/cancel-release");

        await response.ErrorAsync(HttpStatusCode.Conflict, "NOT_RELEASABLE");
    }

    [Fact]
    public async Task The_released_list_shows_released_at_available_after_the_fee_and_whether_it_can_still_be_cancelled()
    {
        var number = await host.ReleasedNumberAsync(purchasedDaysAgo: 40);

        using var response = await host.Client(host.Owner).GetAsync($"/api/v1/accounts/{Cast.AccountId}/numbers/released", Ct);

        var released = (await response.JsonAsync()).GetProperty("numbers").EnumerateArray().Single(n => n.String("e164") == number.E164);
        Assert.Equal("released", released.String("status"));
        Assert.Equal(host.Now, released.Time("released_at"));
        Assert.Equal(host.Now.AddDays(30), released.Time("available_after"));
        Assert.Equal("25.00", released.Raw("early_termination_fee"));
        Assert.True(released.GetProperty("can_cancel").GetBoolean());
    }

    [Fact]
    public async Task The_audit_trail_of_a_number_is_newest_first_and_an_owner_sees_only_its_accounts()
    {
        var number = await host.ReleasedNumberAsync();
        var theirs = await host.NumberAsync(Cast.OtherAccountId);
        await host.RequestReleaseAsync(theirs, host.Stranger);

        using var ofNumber = await host.Client(host.Owner).GetAsync($"/api/v1/audit-events?e164={number.E164[1..]}", Ct);
        using var all = await host.Client(host.Owner).GetAsync("/api/v1/audit-events?limit=200", Ct);
        using var staff = await host.Client(host.Reviewer).GetAsync($"/api/v1/audit-events?account_id={Cast.OtherAccountId}", Ct);
        using var blank = await host.Client(host.Owner).GetAsync("/api/v1/audit-events?account_id=&e164=&limit=200", Ct);

        var events = (await ofNumber.JsonAsync()).GetProperty("audit_events");
        Assert.Equal(["release_approved", "release_requested"], events.Strings("action"));
        Assert.Equal("reviewer@example.com", events[0].String("actor"));
        Assert.Equal("released", events[0].GetProperty("after").GetProperty("status").GetString());
        Assert.DoesNotContain(Cast.OtherAccountId, (await all.JsonAsync()).GetProperty("audit_events").Strings("account_id"));
        Assert.Contains(theirs.E164, (await staff.JsonAsync()).GetProperty("audit_events").Strings("e164"));
        Assert.Contains(number.E164, (await blank.JsonAsync()).GetProperty("audit_events").Strings("e164"));
    }

    [Fact]
    public async Task Paging_through_a_number_s_audit_trail_while_it_grows_shows_each_event_once()
    {
        var number = await host.ReleasedNumberAsync();
        host.Db.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var cancelled = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/cancel-release"))
        {
            await cancelled.JsonAsync();
        }

        var url = $"/api/v1/audit-events?e164={number.E164[1..]}&limit=2";
        using var first = await host.Client(host.Owner).GetAsync(url, Ct);
        var page = await first.JsonAsync();
        host.Db.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.RequestReleaseAsync(number);
        using var second = await host.Client(host.Owner).GetAsync($"{url}&cursor={page.String("next_cursor")}", Ct);

        var seen = page.GetProperty("audit_events").Strings("action").Concat((await second.JsonAsync()).GetProperty("audit_events").Strings("action"));
        Assert.Equal(["release_cancelled", "release_approved", "release_requested"], seen);
    }
}
