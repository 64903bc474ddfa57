using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.Numbers;

/// <summary>Detaches a voice agent from a number, the first step before a release.</summary>
public sealed class DetachAgent(IPortalDbFactory dbFactory, TimeProvider time)
{
    public Task<Result<AgentView>> HandleAsync(Actor actor, NumberKey key, string agentId, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(db => db.FindNumberAsync(actor, key, ct), (_, number) =>
        {
            var agent = number.Agents.FirstOrDefault(a => a.AgentId == agentId);
            return AuditEvent.Record(
                    actor, time.UtcNow(), AuditAction.AgentDetached, number, null, $"Detached agent {agent?.Name} ({agentId}) from {number.E164}",
                    () => number.DetachAgent(agentId))
                .Showing(() => new AgentView(agentId, agent!.Name));
        }, ct);
}
