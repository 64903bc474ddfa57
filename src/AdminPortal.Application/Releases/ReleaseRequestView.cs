using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Releases;

public sealed record ReleaseRequestView(
    string Id,
    string PhoneNumberId,
    string E164,
    string AccountId,
    string Reason,
    ReleaseRequestStatus Status,
    string RequestedById,
    string RequestedByName,
    DateTime RequestedAt,
    string? DecidedByName,
    DateTime? DecidedAt,
    string? DecisionNote,
    Money Fee,
    DateTime? FeeVoidedAt)
{
    public static ReleaseRequestView Of(ReleaseRequest r) => new(
        r.Id, r.PhoneNumberId, r.E164, r.AccountId, r.Reason, r.Status, r.RequestedById, r.RequestedByName,
        r.RequestedAt, r.DecidedByName, r.DecidedAt, r.DecisionNote, new Money(r.FeeCents), r.FeeVoidedAt);
}

/// <summary>A number just released: when, what it cost, and until when the release can be cancelled.</summary>
public sealed record ReleaseView(
    string RequestId,
    string NumberId,
    string E164,
    NumberStatus Status,
    DateTime ReleasedAt,
    Money EarlyTerminationFee,
    int CoolingOffPeriodDays,
    DateTime AvailableAfter)
{
    public static ReleaseView Of(ReleaseRequest request, PhoneNumber number, int coolingOffDays) => new(
        request.Id, number.Id, number.E164, number.Status, number.ReleasedAt!.Value, request.FeeCharged,
        coolingOffDays, number.AvailableAfter!.Value);
}
