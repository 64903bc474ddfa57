using AdminPortal.Domain.Numbers;

namespace AdminPortal.Domain.Tests.Support;

/// <summary>Everything a move may change on a number, comparable in one assertion.</summary>
internal sealed record NumberState(
    NumberStatus Status,
    int Version,
    string? TrunkGroup,
    string? InboundRouting,
    string? TrunkGroupBeforeRelease,
    string? InboundRoutingBeforeRelease,
    DateTime? ReleasedAt,
    DateTime? AvailableAfter,
    DateTime? ReturnedAt,
    string Agents)
{
    public static NumberState Of(PhoneNumber n) => new(
        n.Status, n.Version, n.TrunkGroup, n.InboundRouting, n.TrunkGroupBeforeRelease, n.InboundRoutingBeforeRelease,
        n.ReleasedAt, n.AvailableAfter, n.ReturnedAt, string.Join(",", n.Agents.Select(a => a.AgentId)));
}
