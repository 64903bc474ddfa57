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
/// How often something happened under a key in the last clock minutes: the API calls of a key, failed sign-ins of an
/// address or a user name. On PostgreSQL the counts are in the database, shared by every instance
/// (<see cref="DatabaseWindowCounter"/>); on SQLite, one machine, they are kept in memory (<see cref="MemoryWindowCounter"/>),
/// as a write per API call would queue every call behind SQLite's one writer (docs/performance.md).
/// </summary>
public abstract class WindowCounter(TimeProvider time)
{
    /// <summary>Counts one event; the events of <paramref name="key"/> in the last <paramref name="minutes"/> clock minutes, this one included.</summary>
    public abstract Task<int> CountAsync(string key, int minutes, CancellationToken ct);

    /// <summary>The events of <paramref name="key"/> in the last <paramref name="minutes"/> clock minutes, counting nothing.</summary>
    public abstract Task<int> SumAsync(string key, int minutes, CancellationToken ct);

    /// <summary>Takes back the newest event of <paramref name="key"/> in the last <paramref name="minutes"/> clock minutes, if there is one.</summary>
    public abstract Task UncountAsync(string key, int minutes, CancellationToken ct);

    /// <summary>Drops the windows older than <paramref name="minutes"/>, so that keys counted once do not stay for good.</summary>
    public abstract Task<int> SweepAsync(int minutes, CancellationToken ct);

    /// <summary>The time left in the current clock minute.</summary>
    public TimeSpan LeftInMinute() => TimeSpan.FromMilliseconds(60_000 - (time.GetUtcNow().ToUnixTimeMilliseconds() % 60_000));

    protected long CurrentMinute() => time.GetUtcNow().ToUnixTimeMilliseconds() / 60_000;
}

/// <summary>One upsert per counted event, answered with the new count; a window of several minutes sums their per-minute rows.</summary>
public sealed class DatabaseWindowCounter(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time) : WindowCounter(time)
{
    public override async Task<int> CountAsync(string key, int minutes, CancellationToken ct)
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

    public override async Task<int> SumAsync(string key, int minutes, CancellationToken ct)
    {
        var minute = CurrentMinute();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CounterWindows.Where(w => w.Key == key && w.Minute == minute).SumAsync(w => w.Count, ct) + await EarlierAsync(db, key, minute, minutes, ct);
    }

    public override async Task UncountAsync(string key, int minutes, CancellationToken ct)
    {
        var after = CurrentMinute() - minutes;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "CounterWindows" SET "Count" = "Count" - 1
            WHERE "Key" = {key} AND "Count" > 0 AND "Minute" = (SELECT MAX("Minute") FROM "CounterWindows" WHERE "Key" = {key} AND "Minute" > {after} AND "Count" > 0)
            """, ct);
    }

    public override async Task<int> SweepAsync(int minutes, CancellationToken ct)
    {
        var oldest = CurrentMinute() - minutes;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CounterWindows.Where(w => w.Minute < oldest).ExecuteDeleteAsync(ct);
    }

    private static Task<int> EarlierAsync(PortalDbContext db, string key, long minute, int minutes, CancellationToken ct) =>
        db.CounterWindows.Where(w => w.Key == key && w.Minute < minute && w.Minute > minute - minutes).SumAsync(w => w.Count, ct);
}

/// <summary>The same counts in this process's memory, for one machine.</summary>
public sealed class MemoryWindowCounter(TimeProvider time) : WindowCounter(time)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, long Minute), int> _windows = new();

    public override Task<int> CountAsync(string key, int minutes, CancellationToken ct)
    {
        var minute = CurrentMinute();
        var now = _windows.AddOrUpdate((key, minute), 1, (_, count) => count + 1);
        return Task.FromResult(now + Earlier(key, minute, minutes));
    }

    public override Task<int> SumAsync(string key, int minutes, CancellationToken ct)
    {
        var minute = CurrentMinute();
        return Task.FromResult(_windows.GetValueOrDefault((key, minute)) + Earlier(key, minute, minutes));
    }

    public override Task UncountAsync(string key, int minutes, CancellationToken ct)
    {
        var now = CurrentMinute();
        for (var minute = now; minute > now - minutes; minute--)
        {
            while (_windows.TryGetValue((key, minute), out var count) && count > 0)
            {
                if (_windows.TryUpdate((key, minute), count - 1, count))
                {
                    return Task.CompletedTask;
                }
            }
        }

        return Task.CompletedTask;
    }

    public override Task<int> SweepAsync(int minutes, CancellationToken ct)
    {
        var oldest = CurrentMinute() - minutes;
        var swept = 0;
        foreach (var window in _windows.Keys.Where(w => w.Minute < oldest))
        {
            swept += _windows.TryRemove(window, out _) ? 1 : 0;
        }

        return Task.FromResult(swept);
    }

    private int Earlier(string key, long minute, int minutes)
    {
        var sum = 0;
        for (var earlier = minute - minutes + 1; earlier < minute; earlier++)
        {
            sum += _windows.GetValueOrDefault((key, earlier));
        }

        return sum;
    }
}
