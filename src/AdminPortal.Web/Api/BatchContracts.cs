using AdminPortal.Application.Releases;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Web.Api;

public sealed record BulkBody(IReadOnlyList<string>? Numbers, string? Reason, bool? DryRun, ReleaseTiming? ReleaseAt);

public sealed record BatchDecisionBody(string? Note, IReadOnlyList<string>? ReleaseRequestIds);

public sealed record BulkVerdictDto(
    string E164, bool CanRelease, IReadOnlyList<ErrorBody> Blockers, decimal EarlyTerminationFee, string Currency, DateTime? BillingEndsAt, DateTime? AvailableAfter,
    IReadOnlyList<string> SecondApprovalReasons)
{
    public static BulkVerdictDto Of(BulkVerdictView v) => new(
        v.E164 ?? v.Input, v.CanRelease, [.. v.Blockers.Select(b => new ErrorBody(b.Code, b.Message, b.Fix))], Dollars.Of(v.Fee), Dollars.Currency,
        v.BillingEndsAt, v.AvailableAfter, v.SecondApprovalReasons);
}

public sealed record BulkSummaryDto(int Releasable, int Blocked, decimal TotalFees, string Currency, IReadOnlyDictionary<string, int> BlockedBy);

/// <summary>The dry run: nothing happened.</summary>
public sealed record BulkPreviewDto(bool DryRun, IReadOnlyList<BulkVerdictDto> Results, BulkSummaryDto Summary)
{
    public static BulkPreviewDto Of(BulkPreviewView p) => new(
        true, [.. p.Results.Select(BulkVerdictDto.Of)],
        new BulkSummaryDto(p.Summary.Releasable, p.Summary.Blocked, Dollars.Of(p.Summary.TotalFees), Dollars.Currency, p.Summary.BlockedBy));
}

public sealed record BulkItemDto(string E164, string? ReleaseRequestId, ReleaseRequestStatus? Status, ErrorBody? Error);

/// <summary>The batch made: a request per releasable number, the refusal of each other one.</summary>
public sealed record BatchDto(bool DryRun, string BatchId, int Requested, IReadOnlyList<BulkItemDto> Results)
{
    public static BatchDto Of(BatchView b) => new(
        false, b.BatchId, b.Requested,
        [.. b.Results.Select(r => new BulkItemDto(r.E164 ?? r.Input, r.RequestId, r.Status, r.Error is { } e ? new ErrorBody(e.Code, e.Message, e.Fix) : null))]);
}

public sealed record BatchOutcomeDto(string ReleaseRequestId, string E164, bool Succeeded, ErrorBody? Error);

public sealed record BatchDecisionDto(string BatchId, int Succeeded, IReadOnlyList<BatchOutcomeDto> Outcomes)
{
    public static BatchDecisionDto Of(BatchDecisionView d) => new(
        d.BatchId, d.Succeeded, [.. d.Outcomes.Select(o => new BatchOutcomeDto(o.RequestId, o.E164, o.Succeeded, o.Error is { } e ? new ErrorBody(e.Code, e.Message, e.Fix) : null))]);
}
