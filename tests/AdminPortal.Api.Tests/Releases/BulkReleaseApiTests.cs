using System.Net;

namespace AdminPortal.Api.Tests.Releases;

/// <summary>POST /accounts/{id}/release-requests/bulk and the batch decisions, status by status.</summary>
public sealed class BulkReleaseApiTests
{
    private const string Bulk = $"/api/v1/accounts/{Cast.AccountId}/release-requests/bulk";

    [Fact]
    public async Task A_dry_run_answers_200_with_a_verdict_per_number_and_the_totals()
    {
        await using var host = await ApiHost.StartAsync([]);
        var free = await host.NumberAsync();
        var busy = await host.NumberAsync(shape: ApiHost.WithAgent());

        var preview = await (await host.Client(host.Owner).PostJsonAsync(Bulk, new { numbers = new[] { free.E164, busy.E164, "+1", free.E164 }, dry_run = true })).JsonAsync();

        Assert.True(preview.GetProperty("dry_run").GetBoolean());
        var results = preview.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([true, false, false, false], results.Select(r => r.GetProperty("can_release").GetBoolean()));
        Assert.Equal(["NUMBER_IN_USE", "INVALID_E164", "DUPLICATE_NUMBER"], results.Skip(1).Select(r => r.GetProperty("blockers")[0].String("code")));
        Assert.Equal(free.E164, results[0].String("e164"));
        Assert.Equal("0.00", results[0].Raw("early_termination_fee"));
        Assert.Equal((1, 3), (preview.GetProperty("summary").GetProperty("releasable").GetInt32(), preview.GetProperty("summary").GetProperty("blocked").GetInt32()));
        Assert.Equal(0, await host.RequestCountAsync(free.Id));
    }

    [Fact]
    public async Task A_dry_run_with_a_reason_too_short_answers_400_REASON_LENGTH_as_the_real_run_would()
    {
        await using var host = await ApiHost.StartAsync([]);
        var number = await host.NumberAsync();

        using var response = await host.Client(host.Owner).PostJsonAsync(Bulk, new { numbers = new[] { number.E164 }, reason = "short", dry_run = true });

        Assert.StartsWith("The reason has 5 characters", (await response.ErrorAsync(HttpStatusCode.BadRequest, "REASON_LENGTH")).String("message"));
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task A_real_run_answers_201_with_the_batch_and_a_retry_with_the_same_key_acts_once()
    {
        await using var host = await ApiHost.StartAsync([]);
        var numbers = new[] { await host.NumberAsync(), await host.NumberAsync(), await host.NumberAsync(shape: ApiHost.WithAgent()) };
        var body = new { numbers = numbers.Select(n => n.E164).ToArray(), reason = Cast.Reason, dry_run = false };

        var first = await (await host.Client(host.Owner).PostJsonAsync(Bulk, body, "bulk-1")).JsonAsync(HttpStatusCode.Created);
        var retry = await (await host.Client(host.Owner).PostJsonAsync(Bulk, body, "bulk-1")).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(first.String("batch_id"), retry.String("batch_id"));
        Assert.Equal(2, first.GetProperty("requested").GetInt32());
        Assert.Equal("NUMBER_IN_USE", first.GetProperty("results")[2].GetProperty("error").String("code"));
        Assert.Equal(1, await host.RequestCountAsync(numbers[0].Id));
        var listed = await (await host.Client(host.Owner).GetAsync($"/api/v1/release-requests?batch_id={first.String("batch_id")}", Ct)).JsonAsync();
        Assert.Equal(2, listed.GetProperty("release_requests").GetArrayLength());
    }

    [Fact]
    public async Task Refusals_get_their_codes_and_statuses()
    {
        await using var host = await ApiHost.StartAsync([]);
        var owner = host.Client(host.Owner);
        var number = await host.NumberAsync();
        var busy = await host.NumberAsync(shape: ApiHost.WithAgent());

        await (await owner.PostJsonAsync(Bulk, new { numbers = Enumerable.Range(0, 1001).Select(i => $"+1415555{i:D4}").ToArray(), dry_run = true })).ErrorAsync(HttpStatusCode.BadRequest, "BATCH_TOO_LARGE");
        await (await owner.PostJsonAsync(Bulk, new { numbers = Array.Empty<string>() })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await owner.PostJsonAsync($"/api/v1/accounts/{Cast.OtherAccountId}/release-requests/bulk", new { numbers = new[] { number.E164 } })).ErrorAsync(HttpStatusCode.NotFound, "ACCOUNT_NOT_FOUND");
        await (await owner.PostJsonAsync(Bulk, new { numbers = new[] { number.E164 }, reason = "short", dry_run = false })).ErrorAsync(HttpStatusCode.BadRequest, "REASON_LENGTH");
        await (await owner.PostJsonAsync(Bulk, new { numbers = new[] { busy.E164, "+1" }, reason = Cast.Reason, dry_run = false })).ErrorAsync(HttpStatusCode.Conflict, "NOT_RELEASABLE");
        Assert.Equal(0, await host.RequestCountAsync(busy.Id));
        await (await owner.PostJsonAsync(Bulk, new { numbers = "+14155550101" })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await owner.PostJsonAsync(Bulk, new { numbers = new[] { number.E164 }, release_at = "someday" })).ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        await (await owner.PostJsonAsync("/api/v1/release-requests/batches/bat_x/approve")).ErrorAsync(HttpStatusCode.Forbidden, "STAFF_ONLY");
        await (await host.Client(host.Reviewer).PostJsonAsync("/api/v1/release-requests/batches/bat_x/approve")).ErrorAsync(HttpStatusCode.NotFound, "BATCH_NOT_FOUND");
    }

    [Fact]
    public async Task A_batch_is_approved_rejected_in_part_and_cancelled_each_number_answering_for_itself()
    {
        await using var host = await ApiHost.StartAsync([]);
        var numbers = new[] { await host.NumberAsync(), await host.NumberAsync(), await host.NumberAsync() };
        var batch = await (await host.Client(host.Owner).PostJsonAsync(Bulk, new { numbers = numbers.Select(n => n.E164).ToArray(), reason = Cast.Reason, dry_run = false })).JsonAsync(HttpStatusCode.Created);
        var batchId = batch.String("batch_id");
        var firstId = batch.GetProperty("results")[0].String("release_request_id");
        var reviewer = host.Client(host.Reviewer);

        await (await reviewer.PostJsonAsync($"/api/v1/release-requests/batches/{batchId}/reject", new { note = "no" })).ErrorAsync(HttpStatusCode.BadRequest, "NOTE_LENGTH");
        var rejected = await (await reviewer.PostJsonAsync($"/api/v1/release-requests/batches/{batchId}/reject", new { note = Cast.Note, release_request_ids = new[] { firstId } })).JsonAsync();
        var approved = await (await reviewer.PostJsonAsync($"/api/v1/release-requests/batches/{batchId}/approve")).JsonAsync();
        var cancelled = await (await host.Client(host.Owner).PostJsonAsync($"/api/v1/release-requests/batches/{batchId}/cancel")).JsonAsync();

        Assert.Equal(1, rejected.GetProperty("succeeded").GetInt32());
        Assert.Equal(2, approved.GetProperty("succeeded").GetInt32());
        Assert.Equal("REQUEST_ALREADY_DECIDED", approved.GetProperty("outcomes").EnumerateArray().Single(o => o.String("release_request_id") == firstId).GetProperty("error").String("code"));
        Assert.Equal(2, cancelled.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task A_batch_action_that_decides_no_request_answers_409_BATCH_NOT_ACTIONABLE_with_the_blockers_counted()
    {
        await using var host = await ApiHost.StartAsync([]);
        var numbers = new[] { await host.NumberAsync(), await host.NumberAsync() };
        var batchId = (await (await host.Client(host.Owner).PostJsonAsync(Bulk, new { numbers = numbers.Select(n => n.E164).ToArray(), reason = Cast.Reason, dry_run = false })).JsonAsync(HttpStatusCode.Created)).String("batch_id");

        var pending = await (await host.Client(host.Owner).PostJsonAsync($"/api/v1/release-requests/batches/{batchId}/cancel")).ErrorAsync(HttpStatusCode.Conflict, "BATCH_NOT_ACTIONABLE");
        await (await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/batches/{batchId}/approve")).JsonAsync();
        var again = await (await host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/batches/{batchId}/approve")).ErrorAsync(HttpStatusCode.Conflict, "BATCH_NOT_ACTIONABLE");

        Assert.StartsWith("None of the 2 requests could be cancelled (NOT_RELEASABLE ×2)", pending.String("message"));
        Assert.Equal("None of the 2 requests could be approved (REQUEST_ALREADY_DECIDED ×2); nothing changed", again.String("message"));
    }
}
