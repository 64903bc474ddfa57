using AdminPortal.Application.Common;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Throttling;

/// <summary>How often something happened under one key in one clock minute (minutes counted from the Unix epoch).</summary>
public sealed class CounterWindow
{
    public const int KeyMaxLength = 320;

    public string Key { get; set; } = null!;

    public long Minute { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// Counts in the database, so that every portal instance draws on one budget: the API calls of a key, failed sign-ins
/// of an address or a user name. One upsert per counted event, answered with the new count (docs/performance.md has
/// its cost); a window of several minutes sums their per-minute rows.
/// </summary>
public sealed class WindowCounter(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Counts one event; the events of <paramref name="key"/> in the last <paramref name="minutes"/> clock minutes, this one included.</summary>
    public async Task<int> CountAsync(string key, int minutes, CancellationToken ct)
    {
        var minute = CurrentMinute();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "CounterWindows" ("Key", "Minute", "Count") VALUES ({key}, {minute}, 1)
            ON CONFLICT ("Key", "Minute") DO UPDATE SET "Count" = "CounterWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct)).Single();
        if (now == 1)
        {
            // The key's first event this minute: its rows that left the window go.
            await db.CounterWindows.Where(w => w.Key == key && w.Minute <= minute - minutes).ExecuteDeleteAsync(ct);
        }

        return minutes == 1 ? now : now + await EarlierAsync(db, key, minute, minutes, ct);
    }

    /// <summary>The events of <paramref name="key"/> in the last <paramref name="minutes"/> clock minutes, counting nothing.</summary>
    public async Task<int> SumAsync(string key, int minutes, CancellationToken ct)
    {
        var minute = CurrentMinute();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CounterWindows.Where(w => w.Key == key && w.Minute == minute).SumAsync(w => w.Count, ct) + await EarlierAsync(db, key, minute, minutes, ct);
    }

    /// <summary>
    /// Drops the windows older than <paramref name="minutes"/>: a key counted once and never again (a guessed user name, an
    /// address seen once) would otherwise keep its row for good.
    /// </summary>
    public async Task<int> SweepAsync(int minutes, CancellationToken ct)
    {
        var oldest = CurrentMinute() - minutes;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CounterWindows.Where(w => w.Minute < oldest).ExecuteDeleteAsync(ct);
    }

    /// <summary>The time left in the current clock minute.</summary>
    public TimeSpan LeftInMinute() => TimeSpan.FromMilliseconds(60_000 - (time.GetUtcNow().ToUnixTimeMilliseconds() % 60_000));

    private long CurrentMinute() => time.GetUtcNow().ToUnixTimeMilliseconds() / 60_000;

    private static Task<int> EarlierAsync(PortalDbContext db, string key, long minute, int minutes, CancellationToken ct) =>
        db.CounterWindows.Where(w => w.Key == key && w.Minute < minute && w.Minute > minute - minutes).SumAsync(w => w.Count, ct);
}
