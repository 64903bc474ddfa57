using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Api.Tests.Tenancy;

/// <summary>
/// Every endpoint called by the owner of another account with this account's numbers and requests: answered exactly as
/// for something that does not exist (staff work: 403 STAFF_ONLY), and nothing changes.
/// </summary>
public sealed class TenancyApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>What the owner of <see cref="Cast.AccountId"/> has, and what nobody has.</summary>
    public sealed record Targets(PhoneNumber Free, PhoneNumber WithAgent, PhoneNumber Released, PhoneNumber Pending, string PendingRequestId)
    {
        public static readonly Targets Missing = new(
            Fake("+19995550001"), Fake("+19995550002"), Fake("+19995550003"), Fake("+19995550004"), "rr_missing");

        private static PhoneNumber Fake(string e164) => new(
            "phn_missing", Cast.AccountId, E164.From(e164), "Nobody's", "US", NumberType.Local, "Telnyx", new Money(100), DateTime.UnixEpoch, DateTime.UnixEpoch);
    }

    public sealed record Call(string Method, Func<Targets, string> Url, object? Body, HttpStatusCode Status, string Code);

    private static readonly Dictionary<string, Call> Calls = new()
    {
        ["list numbers"] = new("GET", _ => $"/api/v1/accounts/{Cast.AccountId}/numbers", null, HttpStatusCode.NotFound, "ACCOUNT_NOT_FOUND"),
        ["get number"] = new("GET", t => Steps.NumberUrl(t.Free), null, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND"),
        ["release preview"] = new("GET", t => $"{Steps.NumberUrl(t.Free)}/release-preview", null, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND"),
        ["detach agent"] = new("DELETE", t => $"{Steps.NumberUrl(t.WithAgent)}/agents/agt_support_bot", null, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND"),
        ["request release"] = new("POST", t => $"{Steps.NumberUrl(t.Free)}/request-release", new { reason = Steps.Reason }, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND"),
        ["cancel release"] = new("POST", t => $"{Steps.NumberUrl(t.Released)}/cancel-release", null, HttpStatusCode.NotFound, "NUMBER_NOT_FOUND"),
        ["released list"] = new("GET", _ => $"/api/v1/accounts/{Cast.AccountId}/numbers/released", null, HttpStatusCode.NotFound, "ACCOUNT_NOT_FOUND"),
        ["withdraw"] = new("POST", t => $"/api/v1/release-requests/{t.PendingRequestId}/withdraw", null, HttpStatusCode.NotFound, "REQUEST_NOT_FOUND"),
        ["release requests of the account"] = new("GET", _ => $"/api/v1/release-requests?account_id={Cast.AccountId}", null, HttpStatusCode.NotFound, "ACCOUNT_NOT_FOUND"),
        ["audit events of the account"] = new("GET", _ => $"/api/v1/audit-events?account_id={Cast.AccountId}", null, HttpStatusCode.NotFound, "ACCOUNT_NOT_FOUND"),
        ["approve"] = new("POST", t => $"/api/v1/release-requests/{t.PendingRequestId}/approve", null, HttpStatusCode.Forbidden, "STAFF_ONLY"),
        ["reject"] = new("POST", t => $"/api/v1/release-requests/{t.PendingRequestId}/reject", new { note = Steps.Note }, HttpStatusCode.Forbidden, "STAFF_ONLY"),
    };

    public static TheoryData<string> AllCalls => new(Calls.Keys);

    public static TheoryData<string> NotFoundCalls => new(Calls.Where(c => c.Value.Status == HttpStatusCode.NotFound).Select(c => c.Key));

    [Theory]
    [MemberData(nameof(AllCalls))]
    public async Task The_owner_of_another_account_is_refused_and_nothing_changes(string call)
    {
        var targets = await ArrangeAsync();
        var before = await StateAsync(targets);
        var (method, url, body, status, code) = Calls[call];

        using var response = await SendAsync(host.Stranger, method, url(targets), body);

        await response.ErrorAsync(status, code);
        Assert.Equal(before, await StateAsync(targets));
    }

    [Theory]
    [MemberData(nameof(NotFoundCalls))]
    public async Task The_refusal_is_the_same_as_for_a_number_or_request_that_does_not_exist(string call)
    {
        var targets = await ArrangeAsync();
        var (method, url, body, status, code) = Calls[call];

        using var forTheirs = await SendAsync(host.Stranger, method, url(targets), body);
        using var forMissing = await SendAsync(host.Owner, method, url(Targets.Missing).Replace(Cast.AccountId, "acc_missing", StringComparison.Ordinal), body);

        var theirs = await forTheirs.ErrorAsync(status, code);
        var missing = await forMissing.ErrorAsync(status, code);
        Assert.Equal(Shape(theirs, targets), Shape(missing, Targets.Missing));
    }

    [Theory]
    [MemberData(nameof(AllCalls))]
    public async Task The_owner_of_the_account_is_not_refused_for_tenancy(string call)
    {
        var targets = await ArrangeAsync();
        var (method, url, body, _, _) = Calls[call];

        using var response = await SendAsync(host.Owner, method, url(targets), body);

        if (call is "approve" or "reject")
        {
            await response.ErrorAsync(HttpStatusCode.Forbidden, "STAFF_ONLY");
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, $"{call}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    [Fact]
    public async Task Lists_without_an_account_filter_leave_out_other_accounts()
    {
        var targets = await ArrangeAsync();

        using var requests = await host.Client(host.Stranger).GetAsync("/api/v1/release-requests?limit=200", Ct);
        using var audit = await host.Client(host.Stranger).GetAsync("/api/v1/audit-events?limit=200", Ct);

        Assert.DoesNotContain(targets.PendingRequestId, (await requests.JsonAsync()).GetProperty("release_requests").Strings("id"));
        Assert.DoesNotContain(Cast.AccountId, (await audit.JsonAsync()).GetProperty("audit_events").Strings("account_id"));
    }

    private async Task<Targets> ArrangeAsync()
    {
        var free = await host.NumberAsync();
        var withAgent = await host.NumberAsync(shape: ApiHost.WithAgent());
        var released = await host.ReleasedNumberAsync();
        var pending = await host.NumberAsync();
        var request = await host.RequestReleaseAsync(pending);
        return new Targets(free, withAgent, released, pending, request.String("id"));
    }

    /// <summary>Everything the calls could change: the numbers, their agents, requests and audit trail.</summary>
    private async Task<string> StateAsync(Targets targets)
    {
        var parts = new List<string>();
        foreach (var number in new[] { targets.Free, targets.WithAgent, targets.Released, targets.Pending })
        {
            var now = await host.LoadNumberAsync(number.Id);
            parts.Add($"{now.E164} {now.Status} {now.Version} agents={now.Agents.Count} requests={await host.RequestCountAsync(now.Id)} audit={(await host.AuditOfAsync(now.Id)).Count}");
        }

        await using var ctx = host.Db.NewContext();
        var request = await ctx.ReleaseRequests.AsNoTracking().SingleAsync(r => r.Id == targets.PendingRequestId, Ct);
        parts.Add($"{request.Id} {request.Status} {request.DecidedAt}");
        return string.Join("\n", parts);
    }

    /// <summary>The error with the ids of the item left out, so that two errors compare by wording.</summary>
    private static string Shape(JsonElement error, Targets targets) =>
        $"{error.String("code")}|{error.String("message")}|{error.String("fix")}"
            .Replace(targets.Free.E164, "{e164}", StringComparison.Ordinal)
            .Replace(targets.WithAgent.E164, "{e164}", StringComparison.Ordinal)
            .Replace(targets.Released.E164, "{e164}", StringComparison.Ordinal)
            .Replace(targets.Pending.E164, "{e164}", StringComparison.Ordinal)
            .Replace(targets.PendingRequestId, "{id}", StringComparison.Ordinal)
            .Replace(Cast.AccountId, "{account}", StringComparison.Ordinal)
            .Replace("acc_missing", "{account}", StringComparison.Ordinal);

    private Task<HttpResponseMessage> SendAsync(ApiUser user, string method, string url, object? body) =>
        method == "POST"
            ? host.Client(user).PostJsonAsync(url, body)
            : host.Client(user).SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);
}
