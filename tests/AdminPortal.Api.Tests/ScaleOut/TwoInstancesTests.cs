using System.Net.Http.Headers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.ScaleOut;

/// <summary>
/// Two portal processes on one database behave as one portal: races end once across them, retries replay across them,
/// the return job returns each number once, a sign-in on one is honoured by the other, and the API budget and the
/// sign-in throttle are shared.
/// test.sh runs this suite on SQLite and on PostgreSQL, the database for several instances.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private WebApplicationFactory<Program> _a = null!;
    private WebApplicationFactory<Program> _b = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ApiHost.StartAsync(new() { ["Api:RateLimitPerMinute"] = "30", ["Security:SignInFailuresPerUser"] = "4" });
        _a = _host.Factory;
        // Another machine: its own disk, so nothing but the database is shared.
        _b = _host.AnotherInstance(new() { ["DataProtection:KeysFolder"] = _host.Db.FilePath + "-keys-b" });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_host.Db.FilePath + "-keys-b"))
        {
            Directory.Delete(_host.Db.FilePath + "-keys-b", recursive: true);
        }
    }

    [Fact]
    public async Task Twenty_concurrent_approvals_spread_over_both_instances_approve_once_with_one_audit_event()
    {
        var number = await _host.NumberAsync(purchasedDaysAgo: 40);
        var request = (await _host.RequestReleaseAsync(number)).String("id");
        var reviewers = new[] { _host.Reviewer, _host.SecondReviewer };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Client(i % 2 == 0 ? _a : _b, reviewers[i / 2 % 2]).PostJsonAsync($"/api/v1/release-requests/{request}/approve")));

        await Steps.OneApprovalWonAsync(responses, "CONCURRENT_UPDATE", "REQUEST_ALREADY_DECIDED");

        Assert.Single(await _host.AuditOfAsync(number.Id), e => e.Action == AuditAction.ReleaseApproved);
        Assert.Equal(NumberStatus.Released, (await _host.LoadNumberAsync(number.Id)).Status);
        Assert.Equal(2500L, await _host.Db.FeeChargedAsync(number.Id));
    }

    [Fact]
    public async Task One_Idempotency_Key_sent_to_both_instances_at_once_creates_one_request_and_both_get_its_answer()
    {
        var number = await _host.NumberAsync();
        var key = Guid.NewGuid().ToString();
        var url = $"{Steps.NumberUrl(number)}/request-release";

        var responses = await Task.WhenAll(
            Client(_a, _host.Owner).PostJsonAsync(url, new { reason = Steps.Reason }, key),
            Client(_b, _host.Owner).PostJsonAsync(url, new { reason = Steps.Reason }, key));

        Assert.Equal(1, await _host.RequestCountAsync(number.Id));
        Assert.Single(await _host.AuditOfAsync(number.Id));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Single(responses, r => r.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Ten_claims_of_one_key_at_both_instances_give_it_to_one_and_the_others_replay_its_answer()
    {
        var stores = new[] { _a, _b }.Select(i => i.Services.GetRequiredService<IdempotencyStore>()).ToArray();
        var userId = _host.Owner.Actor.UserId;
        var key = Guid.NewGuid().ToString();

        var claims = Enumerable.Range(0, 10).Select(i => stores[i % 2].ClaimAsync(userId, key, "hash", Ct)).ToList();
        var first = await await Task.WhenAny(claims);
        Assert.True(first.Claimed);
        await stores[0].AnswerAsync(userId, key, first.Token!, 201, "application/json", "{}"u8.ToArray(), Ct);
        var all = await Task.WhenAll(claims);

        Assert.Single(all, c => c.Claimed);
        Assert.All(all.Where(c => !c.Claimed), c => Assert.Equal(201, c.Previous!.StatusCode));
    }

    [Fact]
    public async Task Both_instances_return_jobs_racing_return_each_number_once_and_audit_it_once()
    {
        var numbers = new List<PhoneNumber>();
        for (var i = 0; i < 12; i++)
        {
            numbers.Add(await _host.ReleasedNumberAsync());
        }

        _host.Db.Clock.Advance(TimeSpan.FromDays(31));
        var returned = await Task.WhenAll(new[] { _a, _b, _a, _b }.Select(async instance =>
        {
            await using var scope = instance.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReturnExpiredReleases>().HandleAsync(Ct);
        }));

        Assert.Equal(numbers.Count, returned.Sum());
        foreach (var number in numbers)
        {
            Assert.Equal(NumberStatus.Returned, (await _host.LoadNumberAsync(number.Id)).Status);
            Assert.Single(await _host.AuditOfAsync(number.Id), e => e.Action == AuditAction.ReturnedToInventory);
        }
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_honoured_by_the_other()
    {
        Assert.SkipUnless(TestDatabase.OnPostgres, "Instances on SQLite share one machine and its key folder; on PostgreSQL the keys are in the database");
        var browserA = _host.Browser();
        using var signedIn = await browserA.SignInAsync(Cast.OwnerEmail);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-portal.auth=", StringComparison.Ordinal));

        using var browserB = _b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var page = new HttpRequestMessage(HttpMethod.Get, "/numbers");
        page.Headers.Add("Cookie", string.Join("; ", cookies));
        using var answer = await browserB.SendAsync(page, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var withoutCookie = await browserB.GetAsync("/numbers", Ct);
        Assert.Equal(HttpStatusCode.Redirect, withoutCookie.StatusCode);
    }

    [Fact]
    public async Task The_per_key_API_budget_is_shared_by_both_instances()
    {
        Assert.SkipUnless(TestDatabase.OnPostgres, "On SQLite, one machine, the counts are kept in each process's memory");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var response = await Client(i % 2 == 0 ? _a : _b, _host.Stranger).GetAsync($"/api/v1/accounts/{Cast.OtherAccountId}/numbers", Ct);
            answers.Add(response.StatusCode);
        }

        Assert.All(answers.Take(30), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[30]);
    }

    [Fact]
    public async Task Failed_sign_ins_at_both_instances_count_toward_one_limit()
    {
        Assert.SkipUnless(TestDatabase.OnPostgres, "On SQLite, one machine, the counts are kept in each process's memory");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var _ = await (attempt % 2 == 0 ? _a : _b).Browser().SignInAsync("guessed.name@example.com", "a wrong password here");
        }

        using var throttled = await _b.Browser().SignInAsync("guessed.name@example.com", "a wrong password here");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    private static HttpClient Client(WebApplicationFactory<Program> instance, ApiUser user)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Secret);
        return client;
    }
}
