using AdminPortal.Application.Common;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
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
    public Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, NumberKey key, string? reason, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            async db => await (await db.FindNumberAsync(actor, key, ct)).ThenAsync(async number =>
                (Result<(PhoneNumber Number, Account Account)>)(number, await db.Accounts.Include(a => a.Members).SingleAsync(a => a.Id == number.AccountId, ct))),
            (db, found) => ReleaseReason.Create(reason).Then(validReason =>
            {
                var (number, account) = found;
                var now = time.UtcNow();
                var request = new ReleaseRequest(Ids.New(ReleaseRequest.IdPrefix), number, validReason, actor, now);
                var requested = AuditEvent.Record(
                    actor, now, AuditAction.ReleaseRequested, number, request, $"Requested release of {number.E164}: {request.Reason}", number.MarkReleasePending);
                if (!requested.IsSuccess)
                {
                    return requested.Error;
                }

                db.ReleaseRequests.Add(request);
                if (!account.ApprovesReleasesAtOnceFor(actor.UserId))
                {
                    return new Change<ReleaseRequestView>([requested.Value], ReleaseRequestView.Of(request));
                }

                return AuditEvent.Record(
                        actor, now, AuditAction.ReleaseApproved, number, request, $"Released {number.E164} at once (self-service policy of {account.Id})",
                        () => request.ApproveAtOnce(account, number, now, options.Value.Terms))
                    .Map(approved => new Change<ReleaseRequestView>([requested.Value, approved], ReleaseRequestView.Of(request)));
            }),
            ct);
}
