using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Common;

/// <summary>The "Releases" configuration section.</summary>
public sealed class ReleaseOptions
{
    public const string Section = "Releases";

    public long EarlyTerminationFeeCents { get; set; } = ReleaseTerms.Default.EarlyTerminationFee.Cents;

    public int EarlyTerminationMonths { get; set; } = ReleaseTerms.Default.EarlyTerminationMonths;

    public int CoolingOffDays { get; set; } = ReleaseTerms.Default.CoolingOffDays;

    /// <summary>How long released and returned numbers stay on the Released list.</summary>
    public int ReleasedListDays { get; set; } = 30;

    public int ReturnToInventoryIntervalSeconds { get; set; } = 60;

    public int SecondApprovalCallsLast30Days { get; set; } = ReleaseTerms.Default.SecondApprovalCallsLast30Days;

    public int SecondApprovalBatchSize { get; set; } = ReleaseTerms.Default.SecondApprovalBatchSize;

    public ReleaseTerms Terms => new(new Money(EarlyTerminationFeeCents), EarlyTerminationMonths, CoolingOffDays)
    {
        SecondApprovalCallsLast30Days = SecondApprovalCallsLast30Days,
        SecondApprovalBatchSize = SecondApprovalBatchSize,
    };
}
