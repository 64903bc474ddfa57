using AdminPortal.Application.Common;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>A bulk release's id and size: the size can make each of its numbers need a second approval.</summary>
public sealed record Batch(string Id, int Size);

/// <summary>
/// Asks for a number's release with a reason, now or at the end of its billing cycle. The request waits for a reviewer
/// (two for a risky number), unless the account's policy is self-service, the requester owns the account and the number
/// is not risky: then it is approved at once.
/// </summary>
public sealed class RequestRelease(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, NumberKey key, string? reason, CancellationToken ct = default) =>
        HandleAsync(actor, key, reason, ReleaseTiming.Now, batch: null, ct);

    public Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, NumberKey key, string? reason, ReleaseTiming timing, Batch? batch, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            async db => await (await db.FindNumberAsync(actor, key, ct)).ThenAsync(async number =>
                (Result<(PhoneNumber Number, Account Account)>)(number, await db.Accounts.Include(a => a.Members).SingleAsync(a => a.Id == number.AccountId, ct))),
            (db, found) => ReleaseReason.Create(reason).Then(validReason =>
            {
                var (number, account) = found;
                var now = time.UtcNow();
                var terms = options.Value.Terms;
                var request = new ReleaseRequest(
                    Ids.New(ReleaseRequest.IdPrefix), number, validReason, actor, now, timing, batch?.Id, terms.SecondApprovalReasons(number, batch?.Size ?? 1));
                var requested = AuditEvent.Record(
                    actor, now, AuditAction.ReleaseRequested, number, request, $"Requested release of {number.E164}: {request.Reason}", number.MarkReleasePending);
                if (!requested.IsSuccess)
                {
                    return requested.Error;
                }

                db.ReleaseRequests.Add(request);
                if (!account.ApprovesReleasesAtOnceFor(actor.UserId) || request.NeedsSecondApproval)
                {
                    return new Change<ReleaseRequestView>([requested.Value], ReleaseRequestView.Of(request));
                }

                var (action, summary) = timing == ReleaseTiming.EndOfBillingCycle
                    ? (AuditAction.ReleaseScheduled, $"Approved at once the release of {number.E164} at the end of its billing cycle (self-service policy of {account.Id})")
                    : (AuditAction.ReleaseApproved, $"Released {number.E164} at once (self-service policy of {account.Id})");
                return AuditEvent.Record(actor, now, action, number, request, summary, () => request.ApproveAtOnce(account, number, now, terms))
                    .Map(approved => new Change<ReleaseRequestView>([requested.Value, approved], ReleaseRequestView.Of(request)));
            }),
            ct);
}
