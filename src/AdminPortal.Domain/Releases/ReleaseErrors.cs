using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Domain.Releases;

public static class ReleaseErrors
{
    public static Error AlreadyPending(string e164) => new(
        Errors.ReleaseAlreadyPending,
        $"A release request for {e164} is already pending",
        "Wait for the review, or withdraw the pending request in My requests");

    public static Error NotReleasable(string e164, NumberStatus status) => new(
        Errors.NotReleasable,
        $"{e164} is {Describe(status)} and cannot be released",
        status switch
        {
            NumberStatus.Released => "Nothing more to do: it is already released. Cancel the release instead if the number should stay with the account",
            NumberStatus.Returned => "Nothing more to do: the number has already left the account",
            _ => "Reload the number to see its current status",
        });

    public static Error NotInService(string e164, NumberStatus status) => new(
        Errors.NotReleasable,
        $"{e164} is {Describe(status)}: it takes no agents, calls or campaigns",
        "Cancel the release first if the number should stay with the account");

    public static Error NotReleased(string e164, NumberStatus status) => new(
        Errors.NotReleasable,
        $"{e164} is {Describe(status)}, not released, so there is no release to cancel",
        "Reload the number to see its current status");

    public static Error NotReleasedBy(string e164, string requestId) => new(
        Errors.NotReleasable,
        $"{e164} was not released by request {requestId}, so that request has no release to cancel",
        "Cancel the number's current release from its own page if it is a mistake");

    public static Error InUse(IReadOnlyList<string> agentNames) => new(
        Errors.NumberInUse,
        $"Phone number is assigned to {agentNames.Count} active {(agentNames.Count == 1 ? "agent" : "agents")} and cannot be released",
        $"Detach the {(agentNames.Count == 1 ? "agent" : "agents")} ({string.Join(", ", agentNames)}) and try again");

    public static Error CallsInProgress(int calls) => new(
        Errors.CallsInProgress,
        $"{calls} {(calls == 1 ? "call is" : "calls are")} in progress on this number",
        "Wait until the calls have ended and try again");

    public static Error InCampaign(string campaign) => new(
        Errors.ActiveCampaign,
        $"The number is part of the active campaign '{campaign}'",
        $"Remove the number from '{campaign}' or end the campaign, then try again");

    public static Error CoolingOffOver(string e164, DateTime availableAfter) => new(
        Errors.CoolingOffExpired,
        $"The cooling-off period of {e164} ended at {Timestamps.Utc(availableAfter)}; the release can no longer be cancelled",
        "The number has returned to inventory; buy a new number if one is needed");

    public static Error StillCoolingOff(string e164, DateTime availableAfter) => new(
        Errors.NotReleasable,
        $"{e164} is still in its cooling-off period until {Timestamps.Utc(availableAfter)}",
        "Wait until the cooling-off period ends");

    public static Error SelfApproval() => new(
        Errors.SelfApprovalForbidden,
        "You requested this release yourself; another reviewer must approve it (four eyes)",
        "Ask another reviewer to approve it, or withdraw the request");

    public static Error SameSecondApprover(string firstApprover) => new(
        Errors.SecondApprovalRequired,
        $"{firstApprover} approved this release first; it needs a second, different reviewer",
        "Ask another reviewer to give the second approval");

    public static Error NotSelfService(string accountId) => new(
        Errors.SelfApprovalForbidden,
        $"Account {accountId} has releases reviewed; the requester cannot approve its own request",
        "Wait for a reviewer to decide, or ask an administrator to change the account's release policy");

    public static Error AlreadyDecided(ReleaseRequest request) => new(
        Errors.RequestAlreadyDecided,
        $"The release request for {request.E164} was already {request.Status.ToString().ToLowerInvariant()}"
            + (request.DecidedAt is { } at ? $" by {request.DecidedByName} at {Timestamps.Utc(at)}" : string.Empty),
        "No further decision is needed");

    public static Error NotYourRequest() => new(
        Errors.NotRequester,
        "Only the requester or an owner of the account may withdraw this request",
        "Ask the requester or an account owner to withdraw it, or a reviewer to reject it");

    private static string Describe(NumberStatus status) => status switch
    {
        NumberStatus.Active => "active",
        NumberStatus.ReleasePending => "awaiting release review",
        NumberStatus.Released => "already released",
        _ => "returned to inventory",
    };
}
