using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Releases;

/// <summary>
/// Moves every number whose cooling-off period has ended back to inventory, once each. Each number is
/// saved on its own, so a cancel that wins the race for one number leaves the others to proceed.
/// </summary>
public sealed class ReturnExpiredReleases(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        List<string> due;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            due = await db.PhoneNumbers
                .Where(PhoneNumber.CoolingOffEndedAt(now))
                .Select(n => n.Id)
                .ToListAsync(ct);
        }

        var returned = 0;
        foreach (var id in due)
        {
            if ((await ReturnOneAsync(id, now, ct)).IsSuccess)
            {
                returned++;
            }
        }

        return returned;
    }

    public Task<Result<string>> ReturnOneAsync(string numberId, DateTime now, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            async db => (Result<PhoneNumber>)await db.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == numberId, ct),
            (_, number) => AuditEvent.Record(
                    Actor.System, now, AuditAction.ReturnedToInventory, number, null, $"{number.E164} returned to inventory after its cooling-off period",
                    () => number.ReturnToInventory(now))
                .Showing(() => number.Id),
            ct);
}
