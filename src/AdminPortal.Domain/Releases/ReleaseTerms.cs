using AdminPortal.Domain.Numbers;

namespace AdminPortal.Domain.Releases;

/// <summary>The terms of a release: the early termination fee, the cooling-off period, and when two reviewers must approve.</summary>
public sealed record ReleaseTerms(Money EarlyTerminationFee, int EarlyTerminationMonths, int CoolingOffDays)
{
    public static readonly ReleaseTerms Default = new(new Money(2500), 3, 30);

    /// <summary>A number with more calls than this in the last 30 days needs a second reviewer.</summary>
    public int SecondApprovalCallsLast30Days { get; init; } = 1000;

    /// <summary>A number in a batch of more numbers than this needs a second reviewer.</summary>
    public int SecondApprovalBatchSize { get; init; } = 50;

    /// <summary>Why releasing this number needs two different reviewers' approvals; none when one suffices.</summary>
    public IReadOnlyList<string> SecondApprovalReasons(PhoneNumber number, int batchSize)
    {
        var reasons = new List<string>();
        if (number.Type == NumberType.TollFree)
        {
            reasons.Add("a toll-free number");
        }

        if (number.A2pStatus == A2pStatus.Approved)
        {
            reasons.Add("an approved A2P 10DLC registration");
        }

        if (number.CallsLast30Days > SecondApprovalCallsLast30Days)
        {
            reasons.Add($"{number.CallsLast30Days:N0} calls in the last 30 days (more than {SecondApprovalCallsLast30Days:N0})");
        }

        if (batchSize > SecondApprovalBatchSize)
        {
            reasons.Add($"part of a batch of {batchSize:N0} numbers (more than {SecondApprovalBatchSize:N0})");
        }

        return reasons;
    }

    /// <summary>The fee applies when the number was bought less than the given calendar months before the release.</summary>
    public Money FeeFor(DateTime purchasedAt, DateTime releasedAt) =>
        purchasedAt.AddMonths(EarlyTerminationMonths) > releasedAt ? EarlyTerminationFee : Money.Zero;

    public DateTime AvailableAfter(DateTime releasedAt) => releasedAt.AddDays(CoolingOffDays);
}
