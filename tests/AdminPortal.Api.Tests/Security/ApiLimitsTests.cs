using System.Net.Http.Headers;
using AdminPortal.Application.ApiKeys;

namespace AdminPortal.Api.Tests.Security;

/// <summary>What the API accepts and how its answers may be kept.</summary>
public sealed class ApiLimitsTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_body_over_64_KB_is_refused_with_413_in_the_envelope_and_nothing_changes()
    {
        var number = await host.NumberAsync();
        var reason = new string('r', 70 * 1024);

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason });

        await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE");
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task A_streamed_body_without_a_length_is_cut_off_at_64_KB_with_413_too()
    {
        var number = await host.NumberAsync();
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("{\"reason\": \"" + new string('r', 100 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Steps.NumberUrl(number)}/request-release") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client(host.Owner).SendAsync(request, Ct);

        await response.ErrorAsync(HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE");
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task Hidden_characters_in_a_reason_are_refused_with_INVALID_TEXT_and_nothing_changes()
    {
        var number = await host.NumberAsync();

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = "Please release \u202Eenil siht" });

        var error = await response.ErrorAsync(HttpStatusCode.BadRequest, "INVALID_TEXT");
        Assert.Contains("U+202E", error.String("message"));
        Assert.Equal(0, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task Letters_stacked_with_thousands_of_marks_are_refused_by_their_size()
    {
        var number = await host.NumberAsync();
        var tower = string.Concat(Enumerable.Repeat("a" + new string('\u0301', 1000), 10));

        using var response = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = tower });

        await response.ErrorAsync(HttpStatusCode.BadRequest, "REASON_LENGTH");
    }

    [Fact]
    public async Task API_answers_are_not_kept_by_browsers_or_proxies()
    {
        using var answer = await host.Client(host.Owner).GetAsync("/api/v1/release-requests", Ct);
        using var refusal = await host.Client().GetAsync("/api/v1/release-requests", Ct);

        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        Assert.Equal("no-store", refusal.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_user_holds_at_most_10_active_keys_and_a_revoked_one_makes_room()
    {
        var user = await host.UserAsync("many.keys@example.com", PortalRoles.Owner);
        var create = host.Db.Get<CreateApiKey>();
        for (var i = 1; i < 10; i++)
        {
            (await create.HandleAsync(user.Actor, $"key {i}", Ct)).Succeeded();
        }

        var refused = (await create.HandleAsync(user.Actor, "one too many", Ct)).Failed(Errors.ApiKeyLimit);
        (await host.Db.Get<RevokeApiKey>().HandleAsync(user.Actor, user.KeyId, Ct)).Succeeded();

        Assert.Contains("10 active API keys", refused.Message);
        (await create.HandleAsync(user.Actor, "replacement", Ct)).Succeeded();
    }
}
