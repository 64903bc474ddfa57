using AdminPortal.Application.Common;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Api;

/// <summary>The calls one API key made in one minute (minutes counted from the Unix epoch).</summary>
public sealed class ApiCallWindow
{
    public string KeyId { get; set; } = null!;

    public long Minute { get; set; }

    public int Calls { get; set; }
}

/// <summary>
/// The per-key call budget, counted in the database so that every portal instance draws on one budget: one upsert per
/// call, answered with the new count (docs/performance.md has its cost).
/// </summary>
public sealed class ApiCallCounter(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Counts this call; the calls of the key in the current minute, this one included, and the time left in it.</summary>
    public async Task<(int Calls, TimeSpan Left)> CountAsync(string keyId, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var minute = now / 60_000;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calls = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "ApiCallWindows" ("KeyId", "Minute", "Calls") VALUES ({keyId}, {minute}, 1)
            ON CONFLICT ("KeyId", "Minute") DO UPDATE SET "Calls" = "ApiCallWindows"."Calls" + 1
            RETURNING "Calls" AS "Value"
            """).ToListAsync(ct)).Single();
        if (calls == 1)
        {
            await db.ApiCallWindows.Where(w => w.KeyId == keyId && w.Minute < minute).ExecuteDeleteAsync(ct);
        }

        return (calls, TimeSpan.FromMilliseconds(((minute + 1) * 60_000) - now));
    }
}
