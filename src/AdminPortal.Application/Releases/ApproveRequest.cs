using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>A reviewer approves a pending request: blockers are checked again and the number is released.</summary>
public sealed class ApproveRequest(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<Result<ReleaseOutcome>> HandleAsync(Actor actor, string requestId, CancellationToken ct = default)
    {
        if (!actor.IsStaff)
        {
            return Errors.Staff();
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.FindRequestAndNumberAsync(actor, requestId, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (request, number) = found.Value;
        var now = time.UtcNow();
        var terms = options.Value.Terms;
        var audit = AuditEvent.Record(
            actor, now, AuditAction.ReleaseApproved, number, request, $"Approved the release of {number.E164}",
            () => Apply(request, number, actor, now, terms, bySelfServicePolicy: false));
        if (!audit.IsSuccess)
        {
            return audit.Error;
        }

        var saved = await db.SaveAsync(audit.Value, ct);
        return saved.IsSuccess ? ReleaseOutcome.Of(request, number, terms.CoolingOffDays) : saved.Error;
    }

    public static Result Apply(ReleaseRequest request, PhoneNumber number, Actor reviewer, DateTime now, ReleaseTerms terms, bool bySelfServicePolicy) =>
        request.Approve(reviewer, now, terms.FeeFor(number.PurchasedAt, now).Cents, bySelfServicePolicy)
            .Then(() => number.Release(now, terms));
}
