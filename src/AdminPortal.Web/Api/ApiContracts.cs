using System.Text.Json;
using AdminPortal.Application.Audit;
using AdminPortal.Application.Numbers;
using AdminPortal.Application.Releases;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Web.Api;

// The HTTP API's shapes. Property names become snake_case and enums snake_case strings (see ApiServices);
// money is dollars with two decimals beside its currency, times are UTC.

public sealed record ErrorBody(string Code, string Message, string Fix);

public sealed record ErrorEnvelope(string TrackingId, ErrorBody Error);

public sealed record ReasonBody(string? Reason, ReleaseTiming? ReleaseAt = null);

public sealed record NoteBody(string? Note);

public sealed record AgentDto(string AgentId, string Name);

public sealed record NumberSummaryDto(
    string Id, string AccountId, string E164, string Label, string Country, NumberType Type, NumberStatus Status,
    decimal MonthlyPrice, string Currency, DateTime PurchasedAt, DateTime NextBillingAt, A2pStatus A2pStatus, int AgentCount)
{
    public static NumberSummaryDto Of(NumberRowView n) => new(
        n.Id, n.AccountId, n.E164, n.Label, n.CountryCode, n.Type, n.Status, Dollars.Of(n.MonthlyPrice), Dollars.Currency,
        n.PurchasedAt, n.NextBillingAt, n.A2pStatus, n.AgentCount);
}

public sealed record NumberListDto(IReadOnlyList<NumberSummaryDto> Numbers, string? NextCursor);

public sealed record NumberDto(
    string Id, string AccountId, string AccountName, string E164, string Label, string Country, NumberType Type, string Provider,
    decimal MonthlyPrice, string Currency, DateTime PurchasedAt, DateTime NextBillingAt, A2pStatus A2pStatus,
    string? TrunkGroup, string? InboundRouting, string? ActiveCampaign, int CallsInProgress, NumberStatus Status,
    IReadOnlyList<AgentDto> Agents, string? PendingRequestId, DateTime? ReleasedAt, DateTime? AvailableAfter, DateTime? ReturnedAt,
    bool CanCancelRelease)
{
    public static NumberDto Of(NumberView n) => new(
        n.Id, n.AccountId, n.AccountName, n.E164, n.Label, n.CountryCode, n.Type, n.Provider, Dollars.Of(n.MonthlyPrice), Dollars.Currency,
        n.PurchasedAt, n.NextBillingAt, n.A2pStatus, n.TrunkGroup, n.InboundRouting, n.ActiveCampaign, n.CallsInProgress, n.Status,
        [.. n.Agents.Select(a => new AgentDto(a.AgentId, a.Name))], n.PendingRequest?.Id, n.ReleasedAt, n.AvailableAfter, n.ReturnedAt,
        n.CanCancelRelease);
}

/// <summary>What a release costs now, and (the *_at_cycle_end fields) if it waits for the end of the billing cycle.</summary>
public sealed record ReleasePreviewDto(
    string E164, bool CanRelease, IReadOnlyList<ErrorBody> Blockers, IReadOnlyList<string> Warnings, decimal EarlyTerminationFee,
    string Currency, int CoolingOffPeriodDays, DateTime AvailableAfter, DateTime BillingEndsAt, decimal EarlyTerminationFeeAtCycleEnd, DateTime AvailableAfterAtCycleEnd)
{
    public static ReleasePreviewDto Of(ReleasePreview p) => new(
        p.E164, p.CanRelease, [.. p.Blockers.Select(b => new ErrorBody(b.Code, b.Message, b.Fix))], p.Warnings,
        Dollars.Of(p.EarlyTerminationFee), Dollars.Currency, p.CoolingOffPeriodDays, p.AvailableAfter, p.BillingEndsAt,
        Dollars.Of(p.FeeAtCycleEnd), p.AvailableAfterAtCycleEnd);
}

public sealed record ReleaseRequestDto(
    string Id, string PhoneNumberId, string PhoneNumber, string AccountId, string Reason, ReleaseRequestStatus Status,
    string RequestedBy, DateTime RequestedAt, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote,
    ReleaseTiming ReleaseAt, DateTime? ScheduledFor, string? BatchId, string? SecondApprovalReasons, string? FirstApprovedBy)
{
    public static ReleaseRequestDto Of(ReleaseRequestView r) => new(
        r.Id, r.PhoneNumberId, r.E164, r.AccountId, r.Reason, r.Status, r.RequestedByName, r.RequestedAt, r.DecidedByName, r.DecidedAt,
        r.DecisionNote, r.Timing, r.ScheduledFor, r.BatchId, r.SecondApprovalReasons, r.FirstApprovedByName);
}

public sealed record ReleaseRequestListDto(IReadOnlyList<ReleaseRequestDto> ReleaseRequests, string? NextCursor);

/// <summary>An approval: the number released, or its release scheduled, or the first of two approvals recorded (request still pending).</summary>
public sealed record ApprovalDto(
    string RequestId, string PhoneNumberId, string E164, NumberStatus Status, DateTime? ReleasedAt, decimal EarlyTerminationFee,
    string Currency, int CoolingOffPeriodDays, DateTime? AvailableAfter, ReleaseRequestStatus RequestStatus, DateTime? ScheduledFor, bool AwaitsSecondApproval)
{
    public static ApprovalDto Of(ReleaseView o) => new(
        o.RequestId, o.NumberId, o.E164, o.Status, o.ReleasedAt, Dollars.Of(o.EarlyTerminationFee), Dollars.Currency,
        o.CoolingOffPeriodDays, o.AvailableAfter, o.RequestStatus, o.ScheduledFor, o.AwaitsSecondApproval);
}

public sealed record CancellationDto(
    string PhoneNumberId, string E164, NumberStatus Status, DateTime ReleaseCancelledAt, string? TrunkGroup, string? InboundRouting, string Message)
{
    public static CancellationDto Of(CancellationView o) => new(o.NumberId, o.E164, o.Status, o.ReleaseCancelledAt, o.TrunkGroup, o.InboundRouting, o.Message);
}

public sealed record ReleasedNumberDto(
    string PhoneNumberId, string AccountId, string E164, string Label, NumberStatus Status, DateTime ReleasedAt, DateTime AvailableAfter,
    DateTime? ReturnedAt, decimal EarlyTerminationFee, string Currency, bool CanCancel)
{
    public static ReleasedNumberDto Of(ReleasedNumberView n) => new(
        n.NumberId, n.AccountId, n.E164, n.Label, n.Status, n.ReleasedAt, n.AvailableAfter, n.ReturnedAt,
        Dollars.Of(n.EarlyTerminationFee), Dollars.Currency, n.CancellableUntil is not null);
}

public sealed record ReleasedNumberListDto(IReadOnlyList<ReleasedNumberDto> Numbers, string? NextCursor);

/// <summary>An audit event; a change that is not about a number (a user, an account, a key) has no number and names its subject.</summary>
public sealed record AuditEventDto(
    long Id, DateTime OccurredAt, string Actor, AuditAction Action, string? AccountId, string? PhoneNumberId, string? E164,
    string? ReleaseRequestId, string? Subject, string Summary, JsonElement Before, JsonElement After)
{
    public static AuditEventDto Of(AuditEntryView e) => new(
        e.Id, e.OccurredAt, e.ActorName, e.Action, NullIfEmpty(e.AccountId), NullIfEmpty(e.PhoneNumberId), NullIfEmpty(e.E164), e.ReleaseRequestId, e.Subject,
        e.Summary, JsonSerializer.Deserialize<JsonElement>(e.Before), JsonSerializer.Deserialize<JsonElement>(e.After));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

public sealed record AuditVerificationDto(bool Intact, int EventsChecked, int EventsBeforeTheChain, long? FirstBrokenEventId, string? Problem, string? HeadHash)
{
    public static AuditVerificationDto Of(AuditVerificationView v) => new(v.Intact, v.EventsChecked, v.EventsBeforeTheChain, v.FirstBrokenEventId, v.Problem, v.HeadHash);
}

public sealed record AuditEventListDto(IReadOnlyList<AuditEventDto> AuditEvents, string? NextCursor);

public static class Dollars
{
    public const string Currency = "USD";

    /// <summary>Cents as dollars with exactly two decimals: 2500 becomes 25.00, which JSON writes as 25.00.</summary>
    public static decimal Of(Money money) => money.Cents * 0.01m;
}
