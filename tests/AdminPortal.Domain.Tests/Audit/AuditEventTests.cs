using System.Text.Json;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Audit;

public sealed class AuditEventTests
{
    [Fact]
    public void Record_keeps_who_when_what_and_the_state_before_and_after_the_change()
    {
        var number = A.Number();
        var request = A.Request(number);

        var audit = AuditEvent.Record(A.Owner, A.Now, AuditAction.ReleaseRequested, number, request, "Requested release", number.MarkReleasePending).Succeeded();

        Assert.Equal(A.Owner.UserId, audit.ActorId);
        Assert.Equal(A.Owner.Name, audit.ActorName);
        Assert.Equal(A.Now, audit.OccurredAt);
        Assert.Equal(AuditAction.ReleaseRequested, audit.Action);
        Assert.Equal(number.AccountId, audit.AccountId);
        Assert.Equal(number.Id, audit.PhoneNumberId);
        Assert.Equal(number.E164, audit.E164);
        Assert.Equal(request.Id, audit.ReleaseRequestId);
        Assert.Equal("Requested release", audit.Summary);
        Assert.Equal("active", Field(audit.Before, "status"));
        Assert.Equal("release_pending", Field(audit.After, "status"));
        Assert.Null(Field(audit.Before, "request_status"));
        Assert.Equal("pending", Field(audit.After, "request_status"));
    }

    [Fact]
    public void Record_of_a_release_shows_the_trunk_group_detached_and_the_fee_charged()
    {
        var number = A.Number(purchasedAt: A.Now.AddMonths(-1));
        var request = A.Requested(number);

        var audit = AuditEvent.Record(
            A.Reviewer, A.Now, AuditAction.ReleaseApproved, number, request, "Approved",
            () => request.Approve(A.Reviewer, number, A.Now, A.Terms)).Succeeded();

        Assert.Equal(A.TrunkGroup, Field(audit.Before, "trunk_group"));
        Assert.Null(Field(audit.After, "trunk_group"));
        Assert.Equal(A.InboundRouting, Field(audit.Before, "inbound_routing"));
        Assert.Null(Field(audit.After, "inbound_routing"));
        Assert.Equal("0", Field(audit.Before, "release_fee_cents"));
        Assert.Equal("2500", Field(audit.After, "release_fee_cents"));
        Assert.Equal("pending", Field(audit.Before, "request_status"));
        Assert.Equal("approved", Field(audit.After, "request_status"));
    }

    [Fact]
    public void Record_of_a_detach_lists_the_agents_before_and_after()
    {
        var number = A.Number(agents: [new AttachedAgent("agt_1", "Support Bot"), new AttachedAgent("agt_2", "Sales Line")]);

        var audit = AuditEvent.Record(A.Owner, A.Now, AuditAction.AgentDetached, number, null, "Detached", () => number.DetachAgent("agt_1")).Succeeded();

        Assert.Equal(["Support Bot", "Sales Line"], Agents(audit.Before));
        Assert.Equal(["Sales Line"], Agents(audit.After));
        Assert.Null(audit.ReleaseRequestId);
    }

    [Fact]
    public void Record_returns_the_changes_error_and_no_event_when_the_change_fails()
    {
        var number = A.Number(calls: 2);
        var before = NumberState.Of(number);

        var result = AuditEvent.Record(A.Owner, A.Now, AuditAction.ReleaseRequested, number, null, "Requested", number.MarkReleasePending);

        result.Failed(Errors.CallsInProgress);
        Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Equal(before, NumberState.Of(number));
    }

    [Fact]
    public void Record_runs_the_change_exactly_once()
    {
        var number = A.Number();
        var runs = 0;

        AuditEvent.Record(A.Owner, A.Now, AuditAction.ReleaseRequested, number, null, "Requested", () =>
        {
            runs++;
            return number.MarkReleasePending();
        }).Succeeded();

        Assert.Equal(1, runs);
        Assert.Equal(NumberStatus.ReleasePending, number.Status);
    }

    private static string? Field(string json, string name)
    {
        var element = JsonDocument.Parse(json).RootElement.GetProperty(name);
        return element.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => element.GetString(),
            _ => element.GetRawText(),
        };
    }

    private static string[] Agents(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("agents").EnumerateArray().Select(a => a.GetString()!).ToArray();
}
