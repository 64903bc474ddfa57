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
    DateTime? FeeVoidedAt,
    ReleaseTiming Timing,
    DateTime? ScheduledFor,
    string? BatchId,
    string? SecondApprovalReasons,
    string? FirstApprovedByName)
{
    public static ReleaseRequestView Of(ReleaseRequest r) => new(
        r.Id, r.PhoneNumberId, r.E164, r.AccountId, r.Reason, r.Status, r.RequestedById, r.RequestedByName,
        r.RequestedAt, r.DecidedByName, r.DecidedAt, r.DecisionNote, new Money(r.FeeCents), r.FeeVoidedAt,
        r.Timing, r.ScheduledFor, r.BatchId, r.SecondApprovalReasons, r.FirstApprovedByName);
}

/// <summary>
/// What an approval did: released the number (when, what it cost, until when it can be cancelled), scheduled it for the end
/// of the billing cycle, or recorded the first of two approvals. Until the number is released the fee is the one its release
/// will cost: at the scheduled date, or now for a second approval.
/// </summary>
public sealed record ReleaseView(
    string RequestId,
    string NumberId,
    string E164,
    NumberStatus Status,
    DateTime? ReleasedAt,
    Money EarlyTerminationFee,
    int CoolingOffPeriodDays,
    DateTime? AvailableAfter,
    ReleaseRequestStatus RequestStatus = ReleaseRequestStatus.Approved,
    DateTime? ScheduledFor = null,
    bool AwaitsSecondApproval = false)
{
    public static ReleaseView Of(ReleaseRequest request, PhoneNumber number, ReleaseTerms terms, DateTime now) => new(
        request.Id, number.Id, number.E164, number.Status, number.ReleasedAt,
        request.Status == ReleaseRequestStatus.Approved ? request.FeeCharged : terms.FeeFor(number.PurchasedAt, request.ScheduledFor ?? now),
        terms.CoolingOffDays, number.AvailableAfter, request.Status, request.ScheduledFor, request.Status == ReleaseRequestStatus.Pending);
}
