using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>
/// Releases the numbers approved for the end of their billing cycle once that time has come: each once, on its own, with
/// its audit event. A number blocked meanwhile (an agent attached again) stays scheduled and is tried at the next pass.
/// </summary>
public sealed class ReleaseScheduled(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        List<string> due;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            due = await db.ReleaseRequests
                .Where(r => r.Status == ReleaseRequestStatus.Scheduled && r.ScheduledFor <= now)
                .Select(r => r.Id)
                .ToListAsync(ct);
        }

        var released = 0;
        foreach (var id in due)
        {
            if ((await ReleaseOneAsync(id, now, ct)).IsSuccess)
            {
                released++;
            }
        }

        return released;
    }

    public Task<Result<string>> ReleaseOneAsync(string requestId, DateTime now, CancellationToken ct = default) =>
        dbFactory.ChangeAsync(
            async db =>
            {
                var request = await db.ReleaseRequests.SingleAsync(r => r.Id == requestId, ct);
                var number = await db.PhoneNumbers.Include(n => n.Agents).SingleAsync(n => n.Id == request.PhoneNumberId, ct);
                return (Result<(ReleaseRequest Request, Domain.Numbers.PhoneNumber Number)>)(request, number);
            },
            (_, found) => AuditEvent.Record(
                    Actor.System, now, AuditAction.ReleasedOnSchedule, found.Number, found.Request, $"Released {found.Number.E164} at the end of its billing cycle, as approved",
                    () => found.Request.ReleaseOnSchedule(found.Number, now, options.Value.Terms))
                .Showing(() => found.Number.Id),
            ct);
}
