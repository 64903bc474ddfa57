using AdminPortal.Domain.Numbers;

namespace AdminPortal.Domain.Releases;

/// <summary>The commercial terms of a release: the early termination fee and the cooling-off period.</summary>
public sealed record ReleaseTerms(Money EarlyTerminationFee, int EarlyTerminationMonths, int CoolingOffDays)
{
    public static readonly ReleaseTerms Default = new(new Money(2500), 3, 30);

    /// <summary>The fee applies when the number was bought less than the given calendar months before the release.</summary>
    public Money FeeFor(DateTime purchasedAt, DateTime releasedAt) =>
        purchasedAt.AddMonths(EarlyTerminationMonths) > releasedAt ? EarlyTerminationFee : Money.Zero;

    public DateTime AvailableAfter(DateTime releasedAt) => releasedAt.AddDays(CoolingOffDays);
}
