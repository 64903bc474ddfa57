using AdminPortal.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Audit;

/// <summary>
/// The id of the newest audit event: every change writes one in its own transaction, so when this number moves,
/// something changed, whichever portal instance changed it.
/// </summary>
public sealed class LatestChange(IPortalDbFactory dbFactory)
{
    public async Task<long> HandleAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.AuditEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }
}
