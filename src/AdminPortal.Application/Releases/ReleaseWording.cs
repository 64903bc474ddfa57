using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Releases;

/// <summary>What the portal asks before a release step and says after it, in one place for every page.</summary>
public static class ReleaseWording
{
    public static string Fee(Money fee) => fee.IsZero ? "No early termination fee is due." : $"Early termination fee: {fee}.";

    public static string FeeCharged(Money fee) => fee.IsZero ? "No early termination fee was charged." : $"Early termination fee charged: {fee}.";

    public static string RequestIntro(Money fee, bool releasedAtOnce, int coolingOffDays) => releasedAtOnce
        ? $"{Fee(fee)} Your account releases numbers at once: the number is released as soon as you confirm, and can be restored during the {coolingOffDays}-day cooling-off period."
        : $"{Fee(fee)} A reviewer decides the request; the number keeps working until then.";

    public static string Requested(string e164, ReleaseRequestStatus status, DateTime? scheduledFor) => (status, scheduledFor) switch
    {
        (ReleaseRequestStatus.Approved, _) => $"{e164} was released at once under the account's self-service policy.",
        (ReleaseRequestStatus.Scheduled, { } at) => $"The release of {e164} is approved under the account's self-service policy; it happens at the end of its billing cycle, {Timestamps.Utc(at)}.",
        _ => $"Release of {e164} requested; a reviewer will decide.",
    };

    public static string ApproveQuestion(string e164, string accountName, Money fee, DateTime? atCycleEnd = null)
    {
        var charge = fee.IsZero ? "no early termination fee is due" : $"a {fee} early termination fee is charged";
        var (when, then) = atCycleEnd is { } at
            ? ($" at the end of its billing cycle, {Timestamps.Utc(at)}", "The number keeps working until then; then the")
            : (string.Empty, "The");
        return $"Approve the release of {e164} ({accountName}){when}? {then} trunk group and routing are detached, {charge}, and the number can be restored during the cooling-off period only.";
    }

    public static string Approved(ReleaseView outcome) => outcome switch
    {
        { AwaitsSecondApproval: true } => $"Your approval of {outcome.E164} is recorded; a second reviewer must approve it too.",
        { ScheduledFor: { } at, ReleasedAt: null } => $"{outcome.E164} is approved for release at the end of its billing cycle, {Timestamps.Utc(at)}.",
        { AvailableAfter: { } after } => $"{outcome.E164} is released; available to others after {Timestamps.Utc(after)}.",
        _ => $"{outcome.E164} is approved.",
    };

    public static string RejectIntro(string requestedBy, string reason) => $"Requested by {requestedBy}: “{reason}” If you reject the request, the number stays active.";

    public static string Rejected(string e164) => $"The release of {e164} was rejected; the number stays active.";

    public static string CancelQuestion(string e164, string? trunkGroup, string? inboundRouting, Money fee)
    {
        var restored = $"trunk group '{trunkGroup ?? "none"}' and inbound routing '{inboundRouting ?? "none"}'";
        var voided = fee.IsZero ? string.Empty : $", and the {fee} early termination fee is voided";
        return $"Cancel the release of {e164}? It becomes active again with {restored} restored{voided}.";
    }

    public static string Cancelled(string e164) => $"The release of {e164} was cancelled; it is active again with its trunk group and routing.";

    public static string WithdrawQuestion(string e164) => $"Withdraw the pending release request for {e164}? The number stays active.";

    public static string Withdrawn(string e164) => $"The release request for {e164} was withdrawn.";

    public static string DetachQuestion(string agentName, string e164) => $"Detach {agentName} from {e164}? The agent stops answering calls on this number.";

    public static string Detached(string agentName, string e164) => $"{agentName} was detached from {e164}.";
}
