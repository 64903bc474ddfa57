using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Releases;

/// <summary>A reviewer rejects a pending request with a note; the number stays active. Staff only.</summary>
public sealed class RejectRequest(IPortalDbFactory dbFactory, ChangeTurns turns, TimeProvider time)
{
    public Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, string requestId, string? note, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            turns,
            ChangeTurns.KeyOf<ReleaseRequest>(requestId),
            db => db.StaffReach(actor).ThenAsync(reach => reach.FindRequestAndNumberAsync(requestId, ct)),
            (_, found) => DecisionNote.Create(note).Then(valid =>
            {
                var (request, number) = found;
                var now = time.UtcNow();
                return AuditEvent.Record(
                        actor, now, AuditAction.ReleaseRejected, number, request, $"Rejected the release of {number.E164}: {valid}",
                        () => request.Reject(actor, now, valid).Then(number.KeepActive))
                    .Showing(() => ReleaseRequestView.Of(request));
            }),
            ct);
}
