using AdminPortal.Infrastructure.Api;
using Microsoft.Extensions.DependencyInjection;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Reliability;

/// <summary>A POST with an Idempotency-Key acts once; retries get the first answer, whatever it was.</summary>
public sealed class IdempotencyTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string Replayed = "Idempotent-Replayed";

    [Fact]
    public async Task Five_retries_with_one_key_create_one_request_and_get_identical_answers()
    {
        var number = await host.NumberAsync();
        var key = Guid.NewGuid().ToString();
        var answers = new List<(HttpStatusCode Status, string Body, bool Replayed)>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(Ct), response.Headers.Contains(Replayed)));
        }

        Assert.Equal(1, await host.RequestCountAsync(number.Id));
        Assert.Single(await host.AuditOfAsync(number.Id));
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Created, answers[0].Body), (a.Status, a.Body)));
        Assert.Equal([false, true, true, true, true], answers.Select(a => a.Replayed));
    }

    [Fact]
    public async Task The_same_key_with_another_body_gets_422_IDEMPOTENCY_KEY_REUSED_and_does_not_act()
    {
        var first = await host.NumberAsync();
        var second = await host.NumberAsync();
        var key = Guid.NewGuid().ToString();
        using (var original = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(first)}/request-release", new { reason = Steps.Reason }, key))
        {
            await original.JsonAsync(HttpStatusCode.Created);
        }

        using var otherReason = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(first)}/request-release", new { reason = "Another reason for the same line." }, key);
        using var otherNumber = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(second)}/request-release", new { reason = Steps.Reason }, key);

        await otherReason.ErrorAsync((HttpStatusCode)422, "IDEMPOTENCY_KEY_REUSED");
        await otherNumber.ErrorAsync((HttpStatusCode)422, "IDEMPOTENCY_KEY_REUSED");
        Assert.Equal(0, await host.RequestCountAsync(second.Id));
    }

    [Fact]
    public async Task A_retry_naming_the_number_with_its_plus_and_the_same_JSON_reordered_and_spaced_is_replayed()
    {
        var number = await host.NumberAsync();
        var key = Guid.NewGuid().ToString();
        var url = $"/api/v1/accounts/{number.AccountId}/numbers/{{0}}/request-release";
        using var first = await SendAsync(string.Format(url, number.E164.TrimStart('+')), $"{{\"reason\":\"{Steps.Reason}\",\"release_at\":\"now\"}}");
        using var retry = await SendAsync(string.Format(url, Uri.EscapeDataString(number.E164)), $"{{ \"release_at\" : \"now\",\n  \"reason\": \"{Steps.Reason}\" }}");
        using var another = await SendAsync(string.Format(url, number.E164), $"{{\"reason\":\"{Steps.Reason}\",\"release_at\":\"end_of_billing_cycle\"}}");

        Assert.Equal((await first.JsonAsync(HttpStatusCode.Created)).String("id"), (await retry.JsonAsync(HttpStatusCode.Created)).String("id"));
        Assert.True(retry.Headers.Contains(Replayed));
        await another.ErrorAsync((HttpStatusCode)422, "IDEMPOTENCY_KEY_REUSED");
        Assert.Equal(1, await host.RequestCountAsync(number.Id));

        Task<HttpResponseMessage> SendAsync(string path, string json) => host.Client(host.Owner).SendAsync(
            new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Headers = { { Http.IdempotencyKey, key } } }, Ct);
    }

    [Fact]
    public async Task A_refusal_is_not_kept_so_a_retry_after_the_cause_is_gone_acts_once()
    {
        var number = await host.NumberAsync(shape: ApiHost.WithAgent());
        var key = Guid.NewGuid().ToString();
        using (var refused = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key))
        {
            await refused.ErrorAsync((HttpStatusCode)422, "NUMBER_IN_USE");
        }

        using (var detached = await host.Client(host.Owner).DeleteAsync($"{Steps.NumberUrl(number)}/agents/agt_support_bot", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, detached.StatusCode);
        }

        using var retry = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key);
        using var again = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key);

        var created = await retry.JsonAsync(HttpStatusCode.Created);
        Assert.False(retry.Headers.Contains(Replayed));
        Assert.Equal(created.String("id"), (await again.JsonAsync(HttpStatusCode.Created)).String("id"));
        Assert.True(again.Headers.Contains(Replayed));
        Assert.Equal(1, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_act_once()
    {
        var number = await host.NumberAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await host.RequestCountAsync(number.Id));
        Assert.Equal(9, responses.Count(r => r.Headers.Contains(Replayed)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Keys_belong_to_a_user_so_two_users_with_the_same_key_both_act()
    {
        var ours = await host.NumberAsync();
        var theirs = await host.NumberAsync(Cast.OtherAccountId);
        var key = Guid.NewGuid().ToString();

        using var owner = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(ours)}/request-release", new { reason = Steps.Reason }, key);
        using var stranger = await host.Client(host.Stranger).PostJsonAsync($"{Steps.NumberUrl(theirs)}/request-release", new { reason = Steps.Reason }, key);

        await owner.JsonAsync(HttpStatusCode.Created);
        await stranger.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(NumberStatus.ReleasePending, (await host.LoadNumberAsync(theirs.Id)).Status);
    }

    [Fact]
    public async Task Without_a_key_each_call_acts_on_its_own()
    {
        var number = await host.NumberAsync();

        using var first = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason });
        using var second = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason });

        await first.JsonAsync(HttpStatusCode.Created);
        await second.ErrorAsync(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_gets_400_INVALID_PARAMETER()
    {
        var number = await host.NumberAsync();

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, new string('k', 256));

        await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER");
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task Two_keys_on_one_request_get_400_INVALID_PARAMETER_and_do_not_act()
    {
        var number = await host.NumberAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Steps.NumberUrl(number)}/request-release") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = Steps.Reason }) };
        request.Headers.Add(Http.IdempotencyKey, ["key-a", "key-b"]);

        using var response = await host.Client(host.Owner).SendAsync(request, Ct);

        Assert.Equal("The request has more than one Idempotency-Key header", (await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_PARAMETER")).String("message"));
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task A_kept_answer_expires_after_24_hours_and_the_key_then_acts_again()
    {
        var number = await host.NumberAsync();
        var key = Guid.NewGuid().ToString();
        using (var first = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key))
        {
            await first.JsonAsync(HttpStatusCode.Created);
        }

        host.Db.Clock.Advance(TimeSpan.FromHours(24));
        using var later = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key);

        await later.ErrorAsync(HttpStatusCode.Conflict, "RELEASE_ALREADY_PENDING");
        Assert.False(later.Headers.Contains(Replayed));
    }

    [Fact]
    public async Task A_retry_to_a_path_the_API_does_not_have_gets_the_same_404_envelope_not_an_empty_replay()
    {
        var key = Guid.NewGuid().ToString();

        using var first = await host.Client(host.Owner).PostJsonAsync("/api/v1/nothing-here", new { reason = Steps.Reason }, key);
        using var retry = await host.Client(host.Owner).PostJsonAsync("/api/v1/nothing-here", new { reason = Steps.Reason }, key);

        await first.ErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await retry.ErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_claim_taken_over_as_abandoned_cannot_overwrite_or_give_back_the_new_claim()
    {
        var store = host.Factory.Services.GetRequiredService<IdempotencyStore>();
        var (user, key) = (host.Owner.Actor.UserId, Guid.NewGuid().ToString());
        var stale = await store.ClaimAsync(user, key, "same request", Ct);
        host.Db.Clock.Advance(IdempotencyStore.AbandonedAfter + TimeSpan.FromSeconds(1));
        var fresh = await store.ClaimAsync(user, key, "same request", Ct);
        Assert.True(fresh.Claimed);

        // The instance that held the first claim wakes up late and tries to finish.
        await store.ReleaseAsync(user, key, stale.Token!, Ct);
        await store.AnswerAsync(user, key, stale.Token!, 201, "application/json", "\"stale\""u8.ToArray(), Ct);
        await store.AnswerAsync(user, key, fresh.Token!, 201, "application/json", "\"fresh\""u8.ToArray(), Ct);

        var replay = await store.ClaimAsync(user, key, "same request", Ct);
        Assert.Equal("\"fresh\"", System.Text.Encoding.UTF8.GetString(replay.Previous!.Body));
    }

    [Fact]
    public async Task Another_body_under_a_key_still_in_flight_is_told_at_once_rather_than_made_to_wait()
    {
        var store = host.Factory.Services.GetRequiredService<IdempotencyStore>();
        var (user, key) = (host.Owner.Actor.UserId, Guid.NewGuid().ToString());
        Assert.True((await store.ClaimAsync(user, key, "first body", Ct)).Claimed);

        var other = await store.ClaimAsync(user, key, "another body", Ct);

        Assert.False(other.Busy);
        Assert.Equal("first body", other.Previous!.RequestHash);
    }
}
