using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Releases;

public sealed class ReleaseRequestTests
{
    public enum Decision
    {
        Approve,
        Reject,
        Withdraw,
    }

    public static TheoryData<Decision, Decision> DecisionsAfterADecision
    {
        get
        {
            var data = new TheoryData<Decision, Decision>();
            foreach (var first in Enum.GetValues<Decision>())
            {
                foreach (var second in Enum.GetValues<Decision>())
                {
                    data.Add(first, second);
                }
            }

            return data;
        }
    }

    [Fact]
    public void A_new_request_is_pending_with_its_requester_and_time()
    {
        var request = A.Request(requester: A.Owner);

        Assert.Equal(ReleaseRequestStatus.Pending, request.Status);
        Assert.Equal(A.Owner.UserId, request.RequestedById);
        Assert.Equal(A.Owner.Name, request.RequestedByName);
        Assert.Equal(A.Now, request.RequestedAt);
        Assert.Null(request.DecidedAt);
        Assert.Equal(0, request.Version);
        Assert.True(request.WasRequestedBy(A.Owner));
        Assert.False(request.WasRequestedBy(A.Reviewer));
    }

    [Fact]
    public void Another_reviewer_approves_a_pending_request_and_the_fee_is_recorded()
    {
        var request = A.Request(requester: A.Owner);

        request.Approve(A.Reviewer, A.Now.AddHours(1), feeCents: 2500).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Approved, request.Status);
        Assert.Equal(A.Reviewer.UserId, request.DecidedById);
        Assert.Equal(A.Reviewer.Name, request.DecidedByName);
        Assert.Equal(A.Now.AddHours(1), request.DecidedAt);
        Assert.Equal(2500, request.FeeCents);
        Assert.Null(request.DecisionNote);
        Assert.Equal(1, request.Version);
    }

    [Fact]
    public void A_reviewer_cannot_approve_its_own_request()
    {
        var request = A.Request(requester: A.Reviewer);

        var error = request.Approve(A.Reviewer, A.Now, feeCents: 0).Failed(Errors.SelfApprovalForbidden);

        Assert.Contains("four eyes", error.Message);
        Assert.Equal(ReleaseRequestStatus.Pending, request.Status);
        Assert.Null(request.DecidedById);
        Assert.Equal(0, request.Version);
    }

    [Fact]
    public void The_self_service_policy_approves_the_requesters_own_request_and_says_so()
    {
        var request = A.Request(requester: A.Owner);

        request.Approve(A.Owner, A.Now, feeCents: 2500, bySelfServicePolicy: true).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Approved, request.Status);
        Assert.Equal(A.Owner.UserId, request.DecidedById);
        Assert.Contains("self-service", request.DecisionNote);
    }

    [Fact]
    public void Reject_keeps_the_reviewers_note()
    {
        var request = A.Request();

        request.Reject(A.Reviewer, A.Now, "Number is still printed on the invoices").Succeeded();

        Assert.Equal(ReleaseRequestStatus.Rejected, request.Status);
        Assert.Equal("Number is still printed on the invoices", request.DecisionNote);
        Assert.Equal(A.Reviewer.UserId, request.DecidedById);
        Assert.Equal(1, request.Version);
    }

    [Fact]
    public void Withdraw_records_who_withdrew_the_request()
    {
        var request = A.Request(requester: A.Owner);

        request.Withdraw(A.Owner, A.Now).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Withdrawn, request.Status);
        Assert.Equal(A.Owner.UserId, request.DecidedById);
        Assert.Equal(1, request.Version);
    }

    [Theory]
    [MemberData(nameof(DecisionsAfterADecision))]
    public void A_decided_request_refuses_any_further_decision_with_REQUEST_ALREADY_DECIDED(Decision first, Decision second)
    {
        var request = A.Request(requester: A.Owner);
        Decide(request, first).Succeeded();
        var (status, decidedBy, version) = (request.Status, request.DecidedById, request.Version);

        var error = Decide(request, second).Failed(Errors.RequestAlreadyDecided);

        Assert.Contains(status.ToString().ToLowerInvariant(), error.Message);
        Assert.Equal((status, decidedBy, version), (request.Status, request.DecidedById, request.Version));
    }

    [Fact]
    public void Voiding_the_fee_of_an_approved_request_happens_once()
    {
        var request = A.Request();
        request.Approve(A.Reviewer, A.Now, feeCents: 2500).Succeeded();

        request.VoidFee(A.Now.AddDays(1));
        request.VoidFee(A.Now.AddDays(2));

        Assert.Equal(A.Now.AddDays(1), request.FeeVoidedAt);
        Assert.Equal(2, request.Version);
    }

    [Fact]
    public void Voiding_the_fee_of_a_request_that_was_not_approved_does_nothing()
    {
        var request = A.Request();

        request.VoidFee(A.Now);

        Assert.Null(request.FeeVoidedAt);
        Assert.Equal(0, request.Version);
    }

    private static Result Decide(ReleaseRequest request, Decision decision) => decision switch
    {
        Decision.Approve => request.Approve(A.Reviewer, A.Now, 0),
        Decision.Reject => request.Reject(A.Reviewer, A.Now, "Not enough detail in the reason"),
        Decision.Withdraw => request.Withdraw(A.Owner, A.Now),
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
