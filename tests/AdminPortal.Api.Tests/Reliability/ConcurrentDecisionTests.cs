using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Api.Tests.Reliability;

/// <summary>Many callers deciding or cancelling at once over HTTP: exactly one outcome, clean answers for the rest.</summary>
public sealed class ConcurrentDecisionTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Twenty_concurrent_approvals_of_one_request_give_one_200_and_409s_saying_it_was_already_decided_with_one_audit_event()
    {
        var number = await host.NumberAsync(purchasedDaysAgo: 40);
        var request = (await host.RequestReleaseAsync(number)).String("id");
        var reviewers = new[] { host.Reviewer, host.SecondReviewer };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            host.Client(reviewers[i % 2]).PostJsonAsync($"/api/v1/release-requests/{request}/approve")));

        await Steps.OneApprovalWonAsync(responses, "REQUEST_ALREADY_DECIDED");

        Assert.Single(await host.AuditOfAsync(number.Id), e => e.Action == AuditAction.ReleaseApproved);
        var released = await host.LoadNumberAsync(number.Id);
        Assert.Equal((NumberStatus.Released, 2500L), (released.Status, await host.Db.FeeChargedAsync(number.Id)));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task An_approval_racing_a_rejection_ends_with_exactly_one_decision()
    {
        var number = await host.NumberAsync();
        var request = (await host.RequestReleaseAsync(number)).String("id");

        var responses = await Task.WhenAll(
            host.Client(host.Reviewer).PostJsonAsync($"/api/v1/release-requests/{request}/approve"),
            host.Client(host.SecondReviewer).PostJsonAsync($"/api/v1/release-requests/{request}/reject", new { note = Steps.Note }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = await Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("REQUEST_ALREADY_DECIDED", loser.GetProperty("error").String("code"));
        Assert.Single(await host.AuditOfAsync(number.Id), e => e.Action is AuditAction.ReleaseApproved or AuditAction.ReleaseRejected);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
