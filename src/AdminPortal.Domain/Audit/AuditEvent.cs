using System.Text.Json;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Domain.Audit;

public enum AuditAction
{
    AgentDetached,
    ReleaseRequested,
    ReleaseApproved,
    ReleaseRejected,
    ReleaseWithdrawn,
    ReleaseCancelled,
    ReturnedToInventory,
}

/// <summary>One state change, who made it and when, with the state before and after. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string ActorId { get; private set; } = null!;

    public string ActorName { get; private set; } = null!;

    public AuditAction Action { get; private set; }

    public string AccountId { get; private set; } = null!;

    public string PhoneNumberId { get; private set; } = null!;

    public string E164 { get; private set; } = null!;

    public string? ReleaseRequestId { get; private set; }

    public string Summary { get; private set; } = null!;

    public string Before { get; private set; } = null!;

    public string After { get; private set; } = null!;

    /// <summary>
    /// Records a change: call <paramref name="change"/> between the two snapshots so that the event
    /// holds exactly what the change did. The event is returned only when the change succeeded.
    /// </summary>
    public static Result<AuditEvent> Record(
        Actor actor,
        DateTime now,
        AuditAction action,
        PhoneNumber number,
        ReleaseRequest? request,
        string summary,
        Func<Result> change)
    {
        // A request being made did not exist before the change.
        var before = Snapshot(number, action == AuditAction.ReleaseRequested ? null : request);
        var outcome = change();
        if (!outcome.IsSuccess)
        {
            return outcome.Error;
        }

        return new AuditEvent
        {
            OccurredAt = now,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            AccountId = number.AccountId,
            PhoneNumberId = number.Id,
            E164 = number.E164,
            ReleaseRequestId = request?.Id,
            Summary = summary,
            Before = before,
            After = Snapshot(number, request),
        };
    }

    /// <summary>The state as the HTTP API spells it (snake_case names and values), so snapshots read the same everywhere.</summary>
    private static string Snapshot(PhoneNumber number, ReleaseRequest? request) => JsonSerializer.Serialize(new
    {
        status = Snake(number.Status),
        trunk_group = number.TrunkGroup,
        inbound_routing = number.InboundRouting,
        agents = number.Agents.Select(a => a.Name).ToArray(),
        release_fee_cents = request?.FeeCharged.Cents,
        available_after = number.AvailableAfter,
        request_status = request is null ? null : Snake(request.Status),
    });

    private static string Snake(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
