using AdminPortal.Application.ApiKeys;
using AdminPortal.Application.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Api.Tests.Reliability;

/// <summary>A failure inside the portal still answers in the envelope, never with an HTML error page or a stack trace.</summary>
public sealed class ServerFailureTests
{
    [Fact]
    public async Task An_unexpected_failure_gets_500_INTERNAL_ERROR_in_the_envelope_and_a_retry_with_the_same_key_acts()
    {
        var failing = true;
        await using var host = await ApiHost.StartAsync([], services => services.AddScoped(sp =>
            failing ? throw new InvalidOperationException("database unreachable") : ActivatorUtilities.CreateInstance<RequestRelease>(sp)));
        var number = await host.NumberAsync();
        var key = Guid.NewGuid().ToString();

        using var failed = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key);
        failing = false;
        using var retry = await host.Client(host.Owner).PostJsonAsync($"{Steps.NumberUrl(number)}/request-release", new { reason = Steps.Reason }, key);

        var error = await failed.ErrorAsync(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.DoesNotContain("database unreachable", error.GetRawText());
        Assert.Equal("pending", (await retry.JsonAsync(HttpStatusCode.Created)).String("status"));
        Assert.Equal(1, await host.RequestCountAsync(number.Id));
    }

    [Fact]
    public async Task A_failure_while_checking_the_key_gets_500_INTERNAL_ERROR_in_the_envelope_too()
    {
        var failing = false;
        await using var host = await ApiHost.StartAsync([], services => services.AddScoped(sp =>
            failing ? throw new InvalidOperationException("key store unreachable") : ActivatorUtilities.CreateInstance<AuthenticateApiKey>(sp)));
        failing = true;

        using var response = await host.Client(host.Owner).GetAsync("/api/v1/release-requests", Ct);

        var error = await response.ErrorAsync(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");
        Assert.DoesNotContain("key store unreachable", error.GetRawText());
    }
}
