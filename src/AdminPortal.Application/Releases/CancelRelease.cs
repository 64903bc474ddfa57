using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Releases;

public sealed record CancelOutcome(string NumberId, string E164, NumberStatus Status, DateTime ReleaseCancelledAt, string? TrunkGroup, string? InboundRouting, string Message);

/// <summary>
/// Undoes a mistaken release during the cooling-off period: the number is active again with its trunk
/// group and routing, and the early termination fee is voided. Staff, or an owner of the account.
/// </summary>
public sealed class CancelRelease(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<CancelOutcome>> HandleAsync(Actor actor, NumberKey key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.FindNumberAsync(actor, key, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var number = found.Value;
        var request = await db.ReleaseRequests
            .Where(r => r.PhoneNumberId == number.Id && r.Status == ReleaseRequestStatus.Approved)
            .OrderByDescending(r => r.DecidedAt)
            .FirstOrDefaultAsync(ct);
        var now = time.UtcNow();
        var audit = AuditEvent.Record(
            actor, now, AuditAction.ReleaseCancelled, number, request, $"Cancelled the release of {number.E164}; trunk group and routing restored, fee voided",
            () => number.CancelRelease(now).Then(() =>
            {
                request?.VoidFee(now);
                return Result.Success();
            }));
        if (!audit.IsSuccess)
        {
            return audit.Error;
        }

        var saved = await db.SaveAsync(audit.Value, ct);
        return saved.IsSuccess
            ? new CancelOutcome(number.Id, number.E164, number.Status, now, number.TrunkGroup, number.InboundRouting, "Number release cancelled successfully")
            : saved.Error;
    }
}
