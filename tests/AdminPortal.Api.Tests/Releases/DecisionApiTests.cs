using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Releases;

/// <summary>The review queue over HTTP: listing requests, approving and rejecting them under the four-eyes rule.</summary>
public sealed class DecisionApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Approving_a_recent_purchase_releases_it_with_the_25_dollar_fee_and_a_30_day_cooling_off()
    {
        var number = await host.NumberAsync(purchasedDaysAgo: 40);
        var request = await host.RequestReleaseAsync(number);

        var approval = await host.ApproveAsync(request.String("id"));

        Assert.Equal(request.String("id"), approval.String("request_id"));
        Assert.Equal(number.E164, approval.String("e164"));
        Assert.Equal("released", approval.String("status"));
        Assert.Equal(host.Now, approval.Time("released_at"));
        Assert.Equal("25.00", approval.Raw("early_termination_fee"));
        Assert.Equal("USD", approval.String("currency"));
        Assert.Equal(30, approval.GetProperty("cooling_off_period_days").GetInt32());
        Assert.Equal(host.Now.AddDays(30), approval.Time("available_after"));
        Assert.Equal(
            [AuditAction.ReleaseRequested, AuditAction.ReleaseApproved],
            (await host.AuditOfAsync(number.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task An_owner_approving_gets_403_STAFF_ONLY_and_the_request_stays_pending()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);

        using var response = await host.Client(host.Owner).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/approve");

        await response.ErrorAsync(HttpStatusCode.Forbidden, "STAFF_ONLY");
        Assert.Equal(NumberStatus.ReleasePending, (await host.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task A_reviewer_approving_its_own_request_gets_403_SELF_APPROVAL_FORBIDDEN_and_another_reviewer_may()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number, host.Reviewer);

        using var own = await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/approve");

        await own.ErrorAsync(HttpStatusCode.Forbidden, "SELF_APPROVAL_FORBIDDEN");
        Assert.Equal("released", (await host.ApproveAsync(request.String("id"), host.SecondReviewer)).String("status"));
    }

    [Fact]
    public async Task Approval_is_refused_with_422_NUMBER_IN_USE_when_an_agent_was_attached_after_the_request()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);
        await using (var ctx = host.Db.NewContext())
        {
            var tracked = await ctx.PhoneNumbers.FindAsync([number.Id], Ct);
            tracked!.AttachAgent(new AttachedAgent("agt_late", "Late Bot"));
            await ctx.SaveChangesAsync(Ct);
        }

        using var response = await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/approve");

        await response.ErrorAsync((HttpStatusCode)422, "NUMBER_IN_USE");
        Assert.Equal(NumberStatus.ReleasePending, (await host.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task Deciding_a_request_twice_gets_409_REQUEST_ALREADY_DECIDED()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);
        await host.ApproveAsync(request.String("id"));

        using var again = await host.Client(host.SecondReviewer).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/reject", new { note = Steps.Note });

        await again.ErrorAsync(HttpStatusCode.Conflict, "REQUEST_ALREADY_DECIDED");
    }

    [Fact]
    public async Task Rejecting_with_a_note_answers_200_rejected_and_the_number_stays_with_the_account()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);

        using var response = await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/reject", new { note = Steps.Note });

        var rejected = await response.JsonAsync();
        Assert.Equal("rejected", rejected.String("status"));
        Assert.Equal(Steps.Note, rejected.String("decision_note"));
        Assert.Equal("reviewer@example.com", rejected.String("decided_by"));
        Assert.Equal(host.Now, rejected.Time("decided_at"));
        Assert.Equal(NumberStatus.Active, (await host.LoadNumberAsync(number.Id)).Status);
    }

    [Fact]
    public async Task Rejecting_with_a_9_character_note_gets_400_NOTE_LENGTH_and_without_a_body_400_INVALID_PARAMETER()
    {
        var number = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(number);
        var client = host.Client(host.Reviewer);

        using var shortNote = await client.PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/reject", new { note = "Not now." });
        using var noBody = await client.PostJsonAsync($"/api/v1/release-requests/{request.String("id")}/reject");

        await shortNote.ErrorAsync(HttpStatusCode.BadRequest, "NOTE_LENGTH");
        await noBody.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        Assert.Equal(NumberStatus.ReleasePending, (await host.LoadNumberAsync(number.Id)).Status);
        Assert.Single(await host.AuditOfAsync(number.Id));
    }

    [Fact]
    public async Task Approving_or_rejecting_a_request_that_does_not_exist_gets_404_REQUEST_NOT_FOUND()
    {
        using var approve = await host.Client(host.Reviewer).PostJsonAsync("/api/v1/release-requests/rr_missing/approve");
        using var reject = await host.Client(host.Reviewer).PostJsonAsync("/api/v1/release-requests/rr_missing/reject", new { note = Steps.Note });

        await approve.ErrorAsync(HttpStatusCode.NotFound, "REQUEST_NOT_FOUND");
        await reject.ErrorAsync(HttpStatusCode.NotFound, "REQUEST_NOT_FOUND");
    }

    [Fact]
    public async Task The_pending_list_is_oldest_first_across_accounts_for_staff_and_only_the_caller_s_accounts_for_an_owner()
    {
        var ours = await host.NumberAsync();
        var theirs = await host.NumberAsync(Cast.OtherAccountId);
        var older = (await host.RequestReleaseAsync(theirs, host.Stranger)).String("id");
        host.Db.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = (await host.RequestReleaseAsync(ours)).String("id");

        async Task<IReadOnlyList<string>> PendingAsync(ApiUser user, string query = "")
        {
            using var response = await host.Client(user).GetAsync($"/api/v1/release-requests?status=pending{query}", Ct);
            return (await response.JsonAsync()).GetProperty("release_requests").Strings("id");
        }

        var staffView = await PendingAsync(host.Reviewer);
        Assert.True(staffView.ToList().IndexOf(older) < staffView.ToList().IndexOf(newer), "oldest first");
        Assert.Contains(newer, await PendingAsync(host.Owner));
        Assert.DoesNotContain(older, await PendingAsync(host.Owner));
        Assert.Equal(await PendingAsync(host.Owner), await PendingAsync(host.Reviewer, $"&account_id={Cast.AccountId}"));
    }

    [Fact]
    public async Task The_request_list_pages_with_a_cursor_until_every_request_was_seen()
    {
        var (owner, created) = await RequestsOfANewAccountAsync("acc_many", 3);

        var seen = await EachPageAsync(owner, "/api/v1/release-requests?limit=2", _ => Task.CompletedTask);

        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task A_reviewer_approving_each_page_of_pending_requests_before_the_next_reaches_every_one()
    {
        var (_, created) = await RequestsOfANewAccountAsync("acc_paged", 5);

        var approved = await EachPageAsync(host.Reviewer, "/api/v1/release-requests?status=pending&account_id=acc_paged&limit=2", id => host.ApproveAsync(id));

        Assert.Equal(created, approved);
    }

    /// <summary>Requests for numbers of a new account with an owner of its own, one a second apart, oldest first.</summary>
    private async Task<(ApiUser Owner, List<string> Created)> RequestsOfANewAccountAsync(string accountId, int count)
    {
        var owner = await host.UserAsync($"owner.of.{accountId}@example.com", PortalRoles.Owner);
        await host.Db.Given().AccountAsync(accountId, owner.Actor);
        var created = new List<string>();
        for (var i = 0; i < count; i++)
        {
            created.Add((await host.RequestReleaseAsync(await host.NumberAsync(accountId), owner)).String("id"));
            host.Db.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return (owner, created);
    }

    /// <summary>Follows next_cursor to the end, handling each page's requests before asking for the next page.</summary>
    private async Task<List<string>> EachPageAsync(ApiUser user, string url, Func<string, Task> handle)
    {
        var seen = new List<string>();
        for (var next = url; next is not null;)
        {
            using var response = await host.Client(user).GetAsync(next, Ct);
            var page = await response.JsonAsync();
            foreach (var id in page.GetProperty("release_requests").Strings("id"))
            {
                await handle(id);
                seen.Add(id);
            }

            next = page.GetProperty("next_cursor").GetString() is { } cursor ? $"{url}&cursor={cursor}" : null;
        }

        return seen;
    }

    [Fact]
    public async Task A_cursor_of_another_list_gets_400_INVALID_CURSOR()
    {
        await host.NumberAsync();
        await host.NumberAsync();
        using var numbers = await host.Client(host.Owner).GetAsync($"/api/v1/accounts/{Cast.AccountId}/numbers?limit=1", Ct);
        var cursor = (await numbers.JsonAsync()).GetProperty("next_cursor").GetString();

        Assert.NotNull(cursor);
        using var response = await host.Client(host.Owner).GetAsync($"/api/v1/release-requests?cursor={cursor}", Ct);

        await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_CURSOR");
    }

    [Fact]
    public async Task An_unknown_request_status_gets_400_INVALID_PARAMETER()
    {
        using var response = await host.Client(host.Reviewer).GetAsync("/api/v1/release-requests?status=maybe", Ct);

        await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
    }
}
