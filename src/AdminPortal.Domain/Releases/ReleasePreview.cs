using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Domain.Releases;

/// <summary>What releasing a number now would cost and break.</summary>
public sealed record ReleasePreview(
    string NumberId,
    string E164,
    bool CanRelease,
    IReadOnlyList<Error> Blockers,
    IReadOnlyList<string> Warnings,
    Money EarlyTerminationFee,
    int CoolingOffPeriodDays,
    DateTime AvailableAfter,
    DateTime BillingEndsAt)
{
    /// <summary>What would stop the approval of the pending request, if there is one.</summary>
    public IReadOnlyList<Error> ApprovalBlockers { get; init; } = [];

    /// <summary>The fee if the release waits for the end of the billing cycle instead (the other option of a request).</summary>
    public Money FeeAtCycleEnd { get; init; }

    public DateTime AvailableAfterAtCycleEnd { get; init; }

    public static ReleasePreview Of(PhoneNumber number, ReleaseTerms terms, DateTime now)
    {
        var blockers = number.ReleaseBlockers();
        if (number is { Status: NumberStatus.Released or NumberStatus.Returned, ReleasedAt: { } releasedAt, AvailableAfter: { } releasedUntil })
        {
            // Already released: a second release costs nothing and changes nothing, and the dates are those of the release made.
            return new ReleasePreview(
                number.Id, number.E164, false, blockers, [], Money.Zero, terms.CoolingOffDays, releasedUntil, BillingCycleEnd(number.NextBillingAt, releasedAt));
        }

        var fee = terms.FeeFor(number.PurchasedAt, now);
        var billingEndsAt = BillingCycleEnd(number.NextBillingAt, now);
        var availableAfter = terms.AvailableAfter(now);
        var warnings = new List<string>();
        if (!fee.IsZero)
        {
            warnings.Add($"This number was purchased less than {terms.EarlyTerminationMonths} months ago ({Timestamps.Day(number.PurchasedAt)}) and has a {fee} early termination fee");
        }

        if (number.TrunkGroup is not null || number.InboundRouting is not null)
        {
            var parts = new[] { Named("trunk group", number.TrunkGroup), Named("inbound routing", number.InboundRouting) }.OfType<string>();
            warnings.Add($"The {string.Join(" and the ", parts)} will be detached; inbound calls fail once the number is released");
        }

        if (number.A2pStatus != A2pStatus.None)
        {
            warnings.Add($"The A2P 10DLC registration ({number.A2pStatus.ToString().ToLowerInvariant()}) is lost and cannot be transferred to another number");
        }

        warnings.Add($"Billing stops at the end of the current billing cycle on {Timestamps.Day(billingEndsAt)}, not at the moment of release; "
            + $"a release timed to that day keeps the number in service until then and costs {terms.FeeFor(number.PurchasedAt, billingEndsAt)} in fees");
        warnings.Add($"After the {terms.CoolingOffDays}-day cooling-off period (from {Timestamps.Utc(availableAfter)}) the number returns to inventory and may not be re-purchasable");

        return new ReleasePreview(
            number.Id,
            number.E164,
            blockers.Count == 0,
            blockers,
            warnings,
            fee,
            terms.CoolingOffDays,
            availableAfter,
            billingEndsAt)
        {
            ApprovalBlockers = number.ApprovalBlockers(),
            FeeAtCycleEnd = terms.FeeFor(number.PurchasedAt, billingEndsAt),
            AvailableAfterAtCycleEnd = terms.AvailableAfter(billingEndsAt),
        };
    }

    /// <summary>
    /// The next billing date after now; a stale stored date is rolled forward by whole months counted from it, so that a
    /// number billed on the 31st is billed on the last day of shorter months and on the 31st again after them.
    /// </summary>
    public static DateTime BillingCycleEnd(DateTime nextBillingAt, DateTime now)
    {
        var end = nextBillingAt;
        for (var months = 1; end <= now; months++)
        {
            end = nextBillingAt.AddMonths(months);
        }

        return end;
    }

    private static string? Named(string what, string? value) => value is null ? null : $"{what} '{value}'";
}
