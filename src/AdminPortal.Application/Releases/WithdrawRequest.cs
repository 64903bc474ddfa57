using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Releases;

/// <summary>The requester, or an owner of the account, takes back a pending request.</summary>
public sealed class WithdrawRequest(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<ReleaseRequestView>> HandleAsync(Actor actor, string requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.FindRequestAndNumberAsync(actor, requestId, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (request, number) = found.Value;
        var account = await db.Accounts.AsNoTracking().Include(a => a.Members).SingleAsync(a => a.Id == request.AccountId, ct);
        if (!request.MayBeWithdrawnBy(actor, account.IsOwnedBy(actor.UserId)))
        {
            return ReleaseErrors.NotYourRequest();
        }

        var now = time.UtcNow();
        var audit = AuditEvent.Record(
            actor, now, AuditAction.ReleaseWithdrawn, number, request, $"Withdrew the release request for {number.E164}",
            () => request.Withdraw(actor, now).Then(number.KeepActive));
        if (!audit.IsSuccess)
        {
            return audit.Error;
        }

        var saved = await db.SaveAsync(audit.Value, ct);
        return saved.IsSuccess ? ReleaseRequestView.Of(request) : saved.Error;
    }
}
