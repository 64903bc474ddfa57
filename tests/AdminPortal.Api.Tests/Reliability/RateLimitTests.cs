namespace AdminPortal.Api.Tests.Reliability;

/// <summary>Each API key gets the configured number of calls per minute; one more is refused with a time to wait.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task The_call_past_the_limit_gets_429_RATE_LIMITED_with_Retry_After_and_other_keys_are_not_affected()
    {
        await using var host = await ApiHost.StartAsync(new() { ["Api:RateLimitPerMinute"] = "3" });
        var client = host.Client(host.Owner);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/release-requests", Ct);
            await allowed.JsonAsync();
        }

        using var limited = await client.GetAsync("/api/v1/release-requests", Ct);
        using var otherKey = await host.Client(host.Reviewer).GetAsync("/api/v1/release-requests", Ct);

        var error = await limited.ErrorAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        Assert.Contains("3 calls", error.String("message"));
        // The limit is per key; the hint must not invite spreading the calls over more keys.
        Assert.DoesNotContain("key", error.String("fix"), StringComparison.OrdinalIgnoreCase);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        await otherKey.JsonAsync();
    }
}
