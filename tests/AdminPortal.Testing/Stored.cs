using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Testing;

/// <summary>What the database holds, read fresh (untracked) for assertions.</summary>
public static class Stored
{
    public static async Task<PhoneNumber> LoadNumberAsync(this TestDatabase db, string id)
    {
        await using var ctx = db.NewContext();
        return await ctx.PhoneNumbers.AsNoTracking().Include(n => n.Agents).SingleAsync(n => n.Id == id, TestCancellation.Ct);
    }

    public static async Task<ReleaseRequest> LoadRequestAsync(this TestDatabase db, string id)
    {
        await using var ctx = db.NewContext();
        return await ctx.ReleaseRequests.AsNoTracking().SingleAsync(r => r.Id == id, TestCancellation.Ct);
    }

    public static async Task<IReadOnlyList<ReleaseRequest>> RequestsForAsync(this TestDatabase db, string numberId)
    {
        await using var ctx = db.NewContext();
        return await ctx.ReleaseRequests.AsNoTracking().Where(r => r.PhoneNumberId == numberId).OrderBy(r => r.RequestedAt).ToListAsync(TestCancellation.Ct);
    }

    /// <summary>What the number's releases cost as things stand: the fees of its approved requests that were not voided.</summary>
    public static async Task<long> FeeChargedAsync(this TestDatabase db, string numberId) =>
        (await db.RequestsForAsync(numberId)).Sum(r => r.FeeCharged.Cents);

    /// <summary>The audit trail in the order it was written, of one number or of all.</summary>
    public static async Task<IReadOnlyList<AuditEvent>> AuditAsync(this TestDatabase db, string? numberId = null)
    {
        await using var ctx = db.NewContext();
        var events = ctx.AuditEvents.AsNoTracking();
        if (numberId is not null)
        {
            events = events.Where(e => e.PhoneNumberId == numberId);
        }

        return await events.OrderBy(e => e.Id).ToListAsync(TestCancellation.Ct);
    }
}
