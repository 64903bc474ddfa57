using AdminPortal.Application.Common;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>
/// Asks for a number's release with a reason. The request waits for a reviewer, unless the account's
/// policy is self-service and the requester owns the account: then it is approved at once.
/// </summary>
public sealed class RequestRelease(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, NumberKey key, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.FindNumberAsync(actor, key, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var validReason = BoundedText.Validate(reason, Errors.ReasonLength, "reason");
        if (!validReason.IsSuccess)
        {
            return validReason.Error;
        }

        var number = found.Value;
        var now = time.UtcNow();
        var request = new ReleaseRequest(Ids.New(ReleaseRequest.IdPrefix), number.Id, number.AccountId, number.E164, validReason.Value, actor, now);
        var requested = AuditEvent.Record(
            actor, now, AuditAction.ReleaseRequested, number, request, $"Requested release of {number.E164}: {request.Reason}", number.MarkReleasePending);
        if (!requested.IsSuccess)
        {
            return requested.Error;
        }

        db.ReleaseRequests.Add(request);
        var audit = new List<AuditEvent> { requested.Value };

        var account = await db.Accounts.Include(a => a.Members).SingleAsync(a => a.Id == number.AccountId, ct);
        if (account.ApprovesReleasesAtOnceFor(actor.UserId))
        {
            var terms = options.Value.Terms;
            var approved = AuditEvent.Record(
                actor, now, AuditAction.ReleaseApproved, number, request, $"Released {number.E164} at once (self-service policy of {account.Id})",
                () => ApproveRequest.Apply(request, number, actor, now, terms, bySelfServicePolicy: true));
            if (!approved.IsSuccess)
            {
                return approved.Error;
            }

            audit.Add(approved.Value);
        }

        var saved = await db.SaveAsync(audit, ct);
        return saved.IsSuccess ? ReleaseRequestView.Of(request) : saved.Error;
    }
}
