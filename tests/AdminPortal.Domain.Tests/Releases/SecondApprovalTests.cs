using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using AdminPortal.Domain.Tests.Support;

namespace AdminPortal.Domain.Tests.Releases;

/// <summary>Which numbers need two different reviewers, and why, in words a reviewer reads.</summary>
public sealed class SecondApprovalTests
{
    private static readonly ReleaseTerms Terms = ReleaseTerms.Default with { SecondApprovalCallsLast30Days = 100, SecondApprovalBatchSize = 10 };

    [Fact]
    public void A_plain_local_number_alone_needs_one_reviewer() => Assert.Empty(Terms.SecondApprovalReasons(A.Number(), batchSize: 1));

    [Fact]
    public void A_toll_free_number_needs_two()
    {
        var tollFree = new PhoneNumber("phn_unit00000002", "acc_unit", E164.From("+18005551234"), "Hotline", "US", NumberType.TollFree, "Telnyx", new Money(300), A.Now.AddYears(-1), A.Now.AddDays(10))
            .Provision();

        Assert.Equal(["a toll-free number"], Terms.SecondApprovalReasons(tollFree, 1));
    }

    [Fact]
    public void Every_reason_that_applies_is_named()
    {
        var number = new PhoneNumber("phn_unit00000003", "acc_unit", E164.From("+14155551234"), "Sales", "US", NumberType.Local, "Telnyx", new Money(115), A.Now.AddYears(-1), A.Now.AddDays(10))
            .Provision(a2p: A2pStatus.Approved, callsLast30Days: 101);

        Assert.Equal(
            ["an approved A2P 10DLC registration", "101 calls in the last 30 days (more than 100)", "part of a batch of 11 numbers (more than 10)"],
            Terms.SecondApprovalReasons(number, 11));
    }

    [Fact]
    public void Exactly_at_the_thresholds_one_reviewer_is_enough()
    {
        var number = new PhoneNumber("phn_unit00000004", "acc_unit", E164.From("+14155551234"), "Sales", "US", NumberType.Local, "Telnyx", new Money(115), A.Now.AddYears(-1), A.Now.AddDays(10))
            .Provision(callsLast30Days: 100);

        Assert.Empty(Terms.SecondApprovalReasons(number, 10));
    }
}
