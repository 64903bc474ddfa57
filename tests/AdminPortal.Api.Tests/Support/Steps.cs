using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Support;

/// <summary>The steps most release tests start from, taken over HTTP like a client would.</summary>
internal static class Steps
{
    public const string Reason = "Office closed; this line is no longer needed.";
    public const string Note = "The number is still printed on customer invoices.";

    public static string NumberUrl(PhoneNumber number) => $"/api/v1/accounts/{number.AccountId}/numbers/{number.E164}";

    public static async Task<JsonElement> RequestReleaseAsync(this ApiHost host, PhoneNumber number, ApiUser? by = null)
    {
        using var response = await host.Client(by ?? host.Owner).PostJsonAsync($"{NumberUrl(number)}/request-release", new { reason = Reason });
        return await response.JsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> ApproveAsync(this ApiHost host, string requestId, ApiUser? by = null)
    {
        using var response = await host.Client(by ?? host.Reviewer).PostJsonAsync($"/api/v1/release-requests/{requestId}/approve");
        return await response.JsonAsync();
    }

    /// <summary>A number of the owner's account, requested by the owner and approved by the reviewer now.</summary>
    public static async Task<PhoneNumber> ReleasedNumberAsync(this ApiHost host, int purchasedDaysAgo = 365)
    {
        var number = await host.NumberAsync(purchasedDaysAgo: purchasedDaysAgo);
        var request = await host.RequestReleaseAsync(number);
        await host.ApproveAsync(request.String("id"));
        return number;
    }

    /// <summary>Approvals that raced: exactly one 200; every other one 409 with one of <paramref name="loserCodes"/>.</summary>
    public static async Task OneApprovalWonAsync(IReadOnlyList<HttpResponseMessage> responses, params string[] loserCodes)
    {
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var error = await loser.JsonAsync(HttpStatusCode.Conflict);
            Assert.Contains(error.GetProperty("error").String("code"), loserCodes);
        }
    }
}
