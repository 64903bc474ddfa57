using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Audit;

/// <summary>
/// The result of walking the audit chain: whether every event still has the hash its content and its predecessor give,
/// and if not, the first event that does not. <see cref="HeadHash"/> is the newest link: recorded elsewhere, it shows
/// later that the whole chain was not rewritten.
/// </summary>
public sealed record AuditVerificationView(bool Intact, int EventsChecked, int EventsBeforeTheChain, long? FirstBrokenEventId, string? Problem, string? HeadHash);

/// <summary>Checks the tamper-evident audit chain from the first event to the last. Staff only.</summary>
public sealed class VerifyAuditTrail(IPortalDbFactory dbFactory)
{
    private const int Batch = 1000;

    public async Task<Result<AuditVerificationView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = db.StaffReach(actor);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        string? previous = null;
        var (checkedCount, beforeChain, afterId) = (0, 0, 0L);
        while (true)
        {
            var events = await reach.Value.AuditEvents.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            foreach (var audit in events)
            {
                checkedCount++;
                if (audit.Hash is null && previous is null)
                {
                    beforeChain++;
                    continue;
                }

                if (!audit.IsSealedAfter(previous))
                {
                    var problem = audit.Hash is null
                        ? "has no hash although events before it have one"
                        : "does not match its content and the event before it: it, or an event before it, was changed, removed or inserted";
                    return new AuditVerificationView(false, checkedCount, beforeChain, audit.Id, $"Audit event {audit.Id} {problem}", previous);
                }

                previous = audit.Hash;
            }

            if (events.Count < Batch)
            {
                return new AuditVerificationView(true, checkedCount, beforeChain, null, null, previous);
            }

            afterId = events[^1].Id;
        }
    }
}
