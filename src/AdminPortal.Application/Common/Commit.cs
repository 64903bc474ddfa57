using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Common;

public static class Commit
{
    /// <summary>
    /// Saves the change with its audit events in one transaction. A concurrent change to the same
    /// rows (version token or unique index) makes it a CONCURRENT_UPDATE and nothing is stored.
    /// </summary>
    public static async Task<Result> SaveAsync(this IPortalDbContext db, IEnumerable<AuditEvent> audit, CancellationToken ct)
    {
        db.AuditEvents.AddRange(audit);
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Errors.Concurrent();
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal) == true)
        {
            return Errors.Concurrent();
        }
    }

    public static Task<Result> SaveAsync(this IPortalDbContext db, AuditEvent audit, CancellationToken ct) =>
        db.SaveAsync([audit], ct);
}
