using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;

namespace AdminPortal.Application.Releases;

/// <summary>The requester, or an owner of the account, takes back a pending request.</summary>
public sealed class WithdrawRequest(IPortalDbFactory dbFactory, ChangeTurns turns, TimeProvider time)
{
    public Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, string requestId, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            turns,
            ChangeTurns.KeyOf<ReleaseRequest>(requestId),
            async db =>
            {
                var reach = await db.ReachAsync(actor, ct);
                return (await reach.FindRequestAndNumberAsync(requestId, ct)).Map(found => (found.Request, found.Number, Owner: reach.Owns(found.Request.AccountId)));
            },
            (_, found) =>
            {
                var (request, number, owner) = found;
                if (!request.MayBeWithdrawnBy(actor, owner))
                {
                    return ReleaseErrors.NotYourRequest();
                }

                var now = time.UtcNow();
                return AuditEvent.Record(
                        actor, now, AuditAction.ReleaseWithdrawn, number, request, $"Withdrew the release request for {number.E164}",
                        () => request.Withdraw(actor, now).Then(number.KeepActive))
                    .Showing(() => ReleaseRequestView.Of(request));
            },
            ct);
}
