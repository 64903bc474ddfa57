using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.Numbers;

/// <summary>Detaches a voice agent from a number, the first step before a release.</summary>
public sealed class DetachAgent(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<AgentView>> HandleAsync(Actor actor, NumberKey key, string agentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.FindNumberAsync(actor, key, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var number = found.Value;
        var agent = number.Agents.FirstOrDefault(a => a.AgentId == agentId);
        var audit = AuditEvent.Record(
            actor,
            time.UtcNow(),
            AuditAction.AgentDetached,
            number,
            null,
            $"Detached agent {agent?.Name} ({agentId}) from {number.E164}",
            () => number.DetachAgent(agentId));
        if (!audit.IsSuccess)
        {
            return audit.Error;
        }

        var saved = await db.SaveAsync(audit.Value, ct);
        return saved.IsSuccess ? new AgentView(agentId, agent!.Name) : saved.Error;
    }
}
