using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Numbers;

/// <summary>
/// How many numbers an account holds of one status, country and type. The database keeps the tallies in step with
/// PhoneNumbers by triggers, in the writing transaction, so the list's totals are exact without counting rows.
/// </summary>
public sealed class NumberTally
{
    public string AccountId { get; private set; } = string.Empty;

    public NumberStatus Status { get; private set; }

    public string CountryCode { get; private set; } = string.Empty;

    public NumberType Type { get; private set; }

    public long Count { get; private set; }
}
