using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Releases;

public sealed record CancellationView(string NumberId, string E164, NumberStatus Status, DateTime ReleaseCancelledAt, string? TrunkGroup, string? InboundRouting, string Message);

/// <summary>
/// Undoes a mistaken release during the cooling-off period: the number is active again with its trunk
/// group and routing, and the early termination fee is voided. Staff, or an owner of the account.
/// </summary>
public sealed class CancelRelease(IPortalDbFactory dbFactory, TimeProvider time)
{
    public Task<Result<CancellationView>> HandleAsync(Actor actor, NumberKey key, CancellationToken ct = default) => HandleAsync(actor, key, null, ct);

    /// <summary>With <paramref name="releasedBy"/>, only the release that request made: a batch cancels its own releases, not later ones.</summary>
    public Task<Result<CancellationView>> HandleAsync(Actor actor, NumberKey key, string? releasedBy, CancellationToken ct) =>
        dbFactory.ChangeAsync(
            async db => await (await db.FindNumberAsync(actor, key, ct)).ThenAsync(async number =>
                (Result<(PhoneNumber Number, ReleaseRequest? Request)>)(number, await db.ReleaseRequests
                    .Where(r => r.PhoneNumberId == number.Id && r.Status == ReleaseRequestStatus.Approved)
                    .OrderByDescending(r => r.DecidedAt)
                    .FirstOrDefaultAsync(ct))),
            (_, found) =>
            {
                var (number, request) = found;
                if (releasedBy is not null && request?.Id != releasedBy)
                {
                    return ReleaseErrors.NotReleasedBy(number.E164, releasedBy);
                }

                var now = time.UtcNow();
                return AuditEvent.Record(
                        actor, now, AuditAction.ReleaseCancelled, number, request, $"Cancelled the release of {number.E164}; trunk group and routing restored, fee voided",
                        () => number.CancelRelease(now).Then(() =>
                        {
                            request?.VoidFee(now);
                            return Result.Success();
                        }))
                    .Showing(() => new CancellationView(number.Id, number.E164, number.Status, now, number.TrunkGroup, number.InboundRouting, "Number release cancelled successfully"));
            },
            ct);
}
