using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Numbers;

/// <summary>Reading numbers and their release preview, and detaching agents, as an owner of the account.</summary>
public sealed class NumbersApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Numbers = $"/api/v1/accounts/{Cast.AccountId}/numbers";

    [Fact]
    public async Task The_list_pages_through_every_number_of_the_account_with_a_cursor_in_snake_case_with_dollars()
    {
        var owner = await host.UserAsync("paging.owner@example.com", PortalRoles.Owner);
        await host.Db.Given().AccountAsync("acc_paging", owner.Actor);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await host.NumberAsync("acc_paging")).E164);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var response = await host.Client(owner).GetAsync($"/api/v1/accounts/acc_paging/numbers?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}", Ct);
            var page = await response.JsonAsync();
            seen.AddRange(page.GetProperty("numbers").Strings("e164"));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(created.Order(StringComparer.Ordinal), seen);
        Assert.Equal(3, pages);
        using var first = await host.Client(owner).GetAsync("/api/v1/accounts/acc_paging/numbers?limit=1", Ct);
        var number = (await first.JsonAsync()).GetProperty("numbers")[0];
        Assert.Equal("1.15", number.Raw("monthly_price"));
        Assert.Equal("USD", number.String("currency"));
        Assert.Equal("active", number.String("status"));
        Assert.Equal("local", number.String("type"));
        Assert.Equal("acc_paging", number.String("account_id"));
        Assert.Equal(host.Now.AddDays(-365), number.Time("purchased_at"));
    }

    [Fact]
    public async Task The_list_filters_by_status_type_country_and_search_text()
    {
        var owner = await host.UserAsync("filter.owner@example.com", PortalRoles.Owner);
        await host.Db.Given().AccountAsync("acc_filter", owner.Actor);
        var plain = await host.NumberAsync("acc_filter");
        var pending = await host.NumberAsync("acc_filter");
        using (var requested = await host.Client(owner).PostJsonAsync($"/api/v1/accounts/acc_filter/numbers/{pending.E164}/request-release", new { reason = "No longer needed by the team." }))
        {
            await requested.JsonAsync(HttpStatusCode.Created);
        }

        async Task<IReadOnlyList<string>> ListAsync(string query)
        {
            using var response = await host.Client(owner).GetAsync($"/api/v1/accounts/acc_filter/numbers?{query}", Ct);
            return (await response.JsonAsync()).GetProperty("numbers").Strings("e164");
        }

        Assert.Equal([pending.E164], await ListAsync("status=release_pending"));
        Assert.Equal([plain.E164], await ListAsync("status=active"));
        Assert.Equal(2, (await ListAsync("type=local&country=us")).Count);
        Assert.Empty(await ListAsync("type=toll_free"));
        Assert.Empty(await ListAsync("country=GB"));
        Assert.Equal([plain.E164], await ListAsync($"q={Uri.EscapeDataString(plain.Label)}"));
        Assert.Equal([pending.E164], await ListAsync($"q={pending.E164[^7..]}"));
    }

    [Theory]
    [InlineData("status=sold", "status")]
    [InlineData("type=premium", "type")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task A_query_parameter_that_makes_no_sense_gets_400_INVALID_PARAMETER_naming_it(string query, string parameter)
    {
        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}?{query}", Ct);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        Assert.Contains($"'{parameter}'", error.String("message"));
    }

    [Theory]
    [InlineData("country=zzz")]
    [InlineData("country=1A")]
    public async Task A_country_that_is_not_a_two_letter_code_gets_400_INVALID_PARAMETER(string query)
    {
        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}?{query}", Ct);

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        Assert.Contains("two-letter", error.String("message"));
    }

    [Fact]
    public async Task A_search_longer_than_any_label_gets_400_INVALID_PARAMETER()
    {
        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}?q={new string('x', 101)}", Ct);

        await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_gets_400_INVALID_CURSOR()
    {
        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}?cursor=not-a-cursor", Ct);

        await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_CURSOR");
    }

    [Fact]
    public async Task A_cursor_of_another_list_gets_400_INVALID_CURSOR_rather_than_an_empty_page()
    {
        for (var i = 0; i < 3; i++)
        {
            await host.RequestReleaseAsync(await host.NumberAsync());
        }

        using var requests = await host.Client(host.Owner).GetAsync("/api/v1/release-requests?limit=1", Ct);
        var cursor = (await requests.JsonAsync()).String("next_cursor");

        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}?cursor={cursor}", Ct);

        await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_CURSOR");
    }

    [Theory]
    [InlineData("with the plus", "{0}")]
    [InlineData("without the plus", "{1}")]
    [InlineData("with spaces and dashes", "+1 {2}-{3}")]
    public async Task A_number_is_found_by_its_E164_written_several_ways(string _, string format)
    {
        var number = await host.NumberAsync(shape: ApiHost.WithAgent());
        var digits = number.E164[1..];
        var written = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, number.E164, digits, digits[1..4], digits[4..]);

        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}/{Uri.EscapeDataString(written)}", Ct);

        var json = await response.JsonAsync();
        Assert.Equal(number.E164, json.String("e164"));
        Assert.Equal(number.Id, json.String("id"));
        Assert.Equal(Cast.TrunkGroup, json.String("trunk_group"));
        Assert.Equal(Cast.InboundRouting, json.String("inbound_routing"));
        Assert.Equal("active", json.String("status"));
        var agent = Assert.Single(json.GetProperty("agents").EnumerateArray());
        Assert.Equal("agt_support_bot", agent.String("agent_id"));
        Assert.Equal("Support Bot", agent.String("name"));
    }

    [Fact]
    public async Task Text_that_is_not_a_phone_number_gets_400_INVALID_E164()
    {
        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}/call-me-maybe", Ct);

        await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_E164");
    }

    [Fact]
    public async Task A_number_that_does_not_exist_gets_404_NUMBER_NOT_FOUND_naming_it_in_E164()
    {
        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}/19995550000", Ct);

        var error = await response.ErrorAsync(HttpStatusCode.NotFound, "NUMBER_NOT_FOUND");
        Assert.Contains("+19995550000", error.String("message"));
    }

    [Fact]
    public async Task The_preview_of_a_recent_purchase_with_an_agent_shows_the_fee_the_blocker_with_its_fix_and_the_dates()
    {
        var number = await host.NumberAsync(shape: ApiHost.WithAgent(), purchasedDaysAgo: 40);

        using var response = await host.Client(host.Owner).GetAsync($"{Numbers}/{number.E164[1..]}/release-preview", Ct);

        var preview = await response.JsonAsync();
        Assert.Equal(number.E164, preview.String("e164"));
        Assert.False(preview.GetProperty("can_release").GetBoolean());
        var blocker = Assert.Single(preview.GetProperty("blockers").EnumerateArray());
        Assert.Equal("NUMBER_IN_USE", blocker.String("code"));
        Assert.Contains("1 active agent", blocker.String("message"));
        Assert.Contains("Support Bot", blocker.String("fix"));
        Assert.Contains(preview.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(Cast.TrunkGroup, StringComparison.Ordinal));
        Assert.Equal("25.00", preview.Raw("early_termination_fee"));
        Assert.Equal("USD", preview.String("currency"));
        Assert.Equal(30, preview.GetProperty("cooling_off_period_days").GetInt32());
        Assert.Equal(host.Now.AddDays(30), preview.Time("available_after"));
        Assert.Equal(number.NextBillingAt, preview.Time("billing_ends_at"));
    }

    [Fact]
    public async Task Detaching_the_agent_answers_204_and_the_preview_then_allows_the_release_once_audited()
    {
        var number = await host.NumberAsync(shape: ApiHost.WithAgent());

        using var detached = await host.Client(host.Owner).DeleteAsync($"{Numbers}/{number.E164}/agents/agt_support_bot", Ct);

        Assert.Equal(HttpStatusCode.NoContent, detached.StatusCode);
        Assert.Empty((await host.LoadNumberAsync(number.Id)).Agents);
        Assert.Equal(AdminPortal.Domain.Audit.AuditAction.AgentDetached, Assert.Single(await host.AuditOfAsync(number.Id)).Action);
        using var preview = await host.Client(host.Owner).GetAsync($"{Numbers}/{number.E164}/release-preview", Ct);
        var json = await preview.JsonAsync();
        Assert.True(json.GetProperty("can_release").GetBoolean());
        Assert.Equal("0.00", json.Raw("early_termination_fee"));
    }

    [Fact]
    public async Task Detaching_an_agent_that_is_not_attached_gets_404_AGENT_NOT_FOUND_and_changes_nothing()
    {
        var number = await host.NumberAsync(shape: ApiHost.WithAgent());

        using var response = await host.Client(host.Owner).DeleteAsync($"{Numbers}/{number.E164}/agents/agt_nobody", Ct);

        await response.ErrorAsync(HttpStatusCode.NotFound, "AGENT_NOT_FOUND");
        Assert.Single((await host.LoadNumberAsync(number.Id)).Agents);
        Assert.Empty(await host.AuditOfAsync(number.Id));
    }

    [Fact]
    public async Task A_reviewer_reads_any_account_s_numbers()
    {
        var number = await host.NumberAsync(Cast.OtherAccountId);

        using var response = await host.Client(host.Reviewer).GetAsync($"/api/v1/accounts/{Cast.OtherAccountId}/numbers/{number.E164}", Ct);

        Assert.Equal(number.Id, (await response.JsonAsync()).String("id"));
    }

    [Theory]
    [InlineData("agt_nobody", "Agent agt_nobody is not attached to {0}")]
    [InlineData("x5000", "That agent is not attached to {0}")]
    [InlineData("agt%E2%80%AEydobon", "That agent is not attached to {0}")]
    public async Task Detaching_an_agent_not_attached_repeats_its_id_only_when_short_and_plain(string agentId, string message)
    {
        var number = await host.NumberAsync(shape: ApiHost.WithAgent());
        var path = agentId == "x5000" ? new string('x', 5000) : agentId;

        using var response = await host.Client(host.Owner).DeleteAsync($"{Numbers}/{number.E164}/agents/{path}", Ct);

        Assert.Equal(string.Format(message, number.E164), (await response.ErrorAsync(HttpStatusCode.NotFound, "AGENT_NOT_FOUND")).String("message"));
    }
}
