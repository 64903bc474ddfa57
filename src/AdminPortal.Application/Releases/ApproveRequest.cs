using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>
/// A reviewer approves a pending request: blockers are checked again and the number is released, or scheduled for the end of
/// its billing cycle. A risky number (see <see cref="ReleaseTerms.SecondApprovalReasons"/>) needs two different reviewers:
/// the first approval is recorded and the request keeps waiting. Staff only.
/// </summary>
public sealed class ApproveRequest(IPortalDbFactory dbFactory, ChangeTurns turns, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public Task<Result<ReleaseView>> HandleAsync(Actor actor, string requestId, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            turns,
            ChangeTurns.KeyOf<ReleaseRequest>(requestId),
            db => db.StaffReach(actor).ThenAsync(reach => reach.FindRequestAndNumberAsync(requestId, ct)),
            (_, found) =>
            {
                var (request, number) = found;
                var now = time.UtcNow();
                var terms = options.Value.Terms;
                var (action, summary) = request.AwaitsFirstOfTwoApprovals
                    ? (AuditAction.ReleaseFirstApproved, $"Gave the first of two approvals to the release of {number.E164} ({request.SecondApprovalReasons})")
                    : request.Timing == ReleaseTiming.EndOfBillingCycle
                        ? (AuditAction.ReleaseScheduled, $"Approved the release of {number.E164} at the end of its billing cycle")
                        : (AuditAction.ReleaseApproved, $"Approved the release of {number.E164}");
                return AuditEvent.Record(actor, now, action, number, request, summary, () => request.Approve(actor, number, now, terms))
                    .Showing(() => ReleaseView.Of(request, number, terms, now));
            },
            ct);
}
