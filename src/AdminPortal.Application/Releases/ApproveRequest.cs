using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>A reviewer approves a pending request: blockers are checked again and the number is released. Staff only.</summary>
public sealed class ApproveRequest(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public Task<Result<ReleaseView>> HandleAsync(Actor actor, string requestId, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            db => db.StaffReach(actor).ThenAsync(reach => reach.FindRequestAndNumberAsync(requestId, ct)),
            (_, found) =>
            {
                var (request, number) = found;
                var now = time.UtcNow();
                var terms = options.Value.Terms;
                return AuditEvent.Record(
                        actor, now, AuditAction.ReleaseApproved, number, request, $"Approved the release of {number.E164}",
                        () => request.Approve(actor, number, now, terms))
                    .Showing(() => ReleaseView.Of(request, number, terms.CoolingOffDays));
            },
            ct);
}
