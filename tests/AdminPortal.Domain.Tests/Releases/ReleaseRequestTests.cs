using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
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
    public void A_new_request_is_pending_with_its_number_requester_time_and_reason()
    {
        var number = A.Number();

        var request = A.Request(number, A.Owner);

        Assert.Equal((number.Id, number.AccountId, number.E164), (request.PhoneNumberId, request.AccountId, request.E164));
        Assert.Equal(ReleaseRequestStatus.Pending, request.Status);
        Assert.Equal((A.Owner.UserId, A.Owner.Name, A.Now), (request.RequestedById, request.RequestedByName, request.RequestedAt));
        Assert.Equal(A.Reason, request.Reason);
        Assert.Null(request.DecidedAt);
        Assert.True(request.WasRequestedBy(A.Owner));
        Assert.False(request.WasRequestedBy(A.Reviewer));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too short")]
    [InlineData("\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b")]
    public void A_request_cannot_be_made_without_a_valid_reason_whoever_makes_it(string? reason)
    {
        var refused = ReleaseReason.Create(reason);

        Assert.False(refused.IsSuccess);
        Assert.Contains(refused.Error.Code, new[] { Errors.ReasonLength, Errors.InvalidText });
    }

    [Fact]
    public void Another_reviewer_approves_a_pending_request_the_number_is_released_and_the_fee_recorded_on_the_request()
    {
        var number = A.Number(purchasedAt: A.Now.AddMonths(-1));
        var request = A.Requested(number, A.Owner);

        request.Approve(A.Reviewer, number, A.Now.AddHours(1), A.Terms).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Approved, request.Status);
        Assert.Equal((A.Reviewer.UserId, A.Reviewer.Name, A.Now.AddHours(1)), (request.DecidedById, request.DecidedByName, request.DecidedAt));
        Assert.Equal(new Money(2500), request.Fee);
        Assert.Equal(new Money(2500), request.FeeCharged);
        Assert.Null(request.DecisionNote);
        Assert.Equal(NumberStatus.Released, number.Status);
    }

    [Fact]
    public void A_reviewer_cannot_approve_its_own_request_and_nothing_changes()
    {
        var number = A.Number();
        var request = A.Requested(number, A.Reviewer);

        var error = request.Approve(A.Reviewer, number, A.Now, A.Terms).Failed(Errors.SelfApprovalForbidden);

        Assert.Contains("four eyes", error.Message);
        Assert.Equal((ReleaseRequestStatus.Pending, (string?)null), (request.Status, request.DecidedById));
        Assert.Equal(NumberStatus.ReleasePending, number.Status);
    }

    [Fact]
    public void An_owner_cannot_approve_a_request_as_a_reviewer()
    {
        var number = A.Number();
        var request = A.Requested(number, A.Owner);

        request.Approve(Actor.Create("usr_other", "other.owner@example.com", PortalRoles.Owner), number, A.Now, A.Terms).Failed(Errors.StaffOnly);

        Assert.Equal(ReleaseRequestStatus.Pending, request.Status);
        Assert.Equal(NumberStatus.ReleasePending, number.Status);
    }

    [Fact]
    public void An_approval_refused_by_a_blocker_changes_neither_the_request_nor_the_number()
    {
        var number = A.Number();
        var request = A.Requested(number, A.Owner);
        number.AttachAgent(new AttachedAgent("agt_late", "Late Bot")).Succeeded();

        request.Approve(A.Reviewer, number, A.Now, A.Terms).Failed(Errors.NumberInUse);

        Assert.Equal((ReleaseRequestStatus.Pending, 0L), (request.Status, request.FeeCents));
        Assert.Equal(NumberStatus.ReleasePending, number.Status);
    }

    [Fact]
    public void The_self_service_policy_approves_the_requesters_own_request_at_once_and_says_so()
    {
        var account = new Account(A.Number().AccountId, "Self service", ReleasePolicy.SelfService);
        account.AddOwner(A.Owner.UserId);
        var number = A.Number();
        var request = A.Requested(number, A.Owner);

        request.ApproveAtOnce(account, number, A.Now, A.Terms).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Approved, request.Status);
        Assert.Equal(A.Owner.UserId, request.DecidedById);
        Assert.Contains("self-service", request.DecisionNote);
        Assert.Equal(NumberStatus.Released, number.Status);
    }

    [Theory]
    [InlineData(ReleasePolicy.ReviewRequired, true)]
    [InlineData(ReleasePolicy.SelfService, false)]
    public void Approval_at_once_is_refused_unless_the_account_is_self_service_and_the_requester_owns_it(ReleasePolicy policy, bool requesterOwns)
    {
        var account = new Account(A.Number().AccountId, "Reviewed", policy);
        if (requesterOwns)
        {
            account.AddOwner(A.Owner.UserId);
        }

        var number = A.Number();
        var request = A.Requested(number, A.Owner);

        request.ApproveAtOnce(account, number, A.Now, A.Terms).Failed(Errors.SelfApprovalForbidden);

        Assert.Equal(ReleaseRequestStatus.Pending, request.Status);
        Assert.Equal(NumberStatus.ReleasePending, number.Status);
    }

    [Fact]
    public void Reject_keeps_the_reviewers_note()
    {
        var request = A.Requested(A.Number());

        request.Reject(A.Reviewer, A.Now, A.Note("Number is still printed on the invoices")).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Rejected, request.Status);
        Assert.Equal("Number is still printed on the invoices", request.DecisionNote);
        Assert.Equal(A.Reviewer.UserId, request.DecidedById);
    }

    [Fact]
    public void Only_staff_reject()
    {
        var request = A.Requested(A.Number());

        request.Reject(A.Owner, A.Now, A.Note()).Failed(Errors.StaffOnly);

        Assert.Equal(ReleaseRequestStatus.Pending, request.Status);
    }

    [Fact]
    public void Withdraw_records_who_withdrew_the_request()
    {
        var request = A.Requested(A.Number(), A.Owner);

        request.Withdraw(A.Owner, A.Now).Succeeded();

        Assert.Equal(ReleaseRequestStatus.Withdrawn, request.Status);
        Assert.Equal(A.Owner.UserId, request.DecidedById);
    }

    [Theory]
    [MemberData(nameof(DecisionsAfterADecision))]
    public void A_decided_request_refuses_any_further_decision_with_REQUEST_ALREADY_DECIDED(Decision first, Decision second)
    {
        var number = A.Number();
        var request = A.Requested(number, A.Owner);
        Decide(request, number, first).Succeeded();
        var (status, decidedBy, decidedAt) = (request.Status, request.DecidedById, request.DecidedAt);

        var error = Decide(request, number, second).Failed(Errors.RequestAlreadyDecided);

        Assert.Contains(status.ToString().ToLowerInvariant(), error.Message);
        Assert.Equal((status, decidedBy, decidedAt), (request.Status, request.DecidedById, request.DecidedAt));
    }

    [Fact]
    public void Voiding_the_fee_of_an_approved_request_happens_once_and_the_fee_no_longer_counts()
    {
        var number = A.Number(purchasedAt: A.Now.AddMonths(-1));
        var request = A.Requested(number);
        request.Approve(A.Reviewer, number, A.Now, A.Terms).Succeeded();

        request.VoidFee(A.Now.AddDays(1));
        request.VoidFee(A.Now.AddDays(2));

        Assert.Equal(A.Now.AddDays(1), request.FeeVoidedAt);
        Assert.Equal((new Money(2500), Money.Zero), (request.Fee, request.FeeCharged));
    }

    [Fact]
    public void Voiding_the_fee_of_a_request_that_was_not_approved_does_nothing()
    {
        var request = A.Requested(A.Number());

        request.VoidFee(A.Now);

        Assert.Null(request.FeeVoidedAt);
    }

    private static Result Decide(ReleaseRequest request, PhoneNumber number, Decision decision) => decision switch
    {
        Decision.Approve => request.Approve(A.Reviewer, number, A.Now, A.Terms),
        Decision.Reject => request.Reject(A.Reviewer, A.Now, A.Note()),
        Decision.Withdraw => request.Withdraw(A.Owner, A.Now),
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
