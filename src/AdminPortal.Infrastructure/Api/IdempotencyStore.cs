using AdminPortal.Application.Common;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Api;

/// <summary>The first answer to a POST sent with an Idempotency-Key, kept for replaying retries.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;

    public string UserId { get; set; } = null!;

    public string Key { get; set; } = null!;

    /// <summary>A hash of the method, path and body: the same key with another request is refused.</summary>
    public string RequestHash { get; set; } = null!;

    /// <summary>0 while the first request is still being handled (the key is claimed), its answer's status after.</summary>
    public int StatusCode { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public bool Answered => StatusCode != 0;
}

/// <summary>What <see cref="IdempotencyStore.ClaimAsync"/> found: the key is now this caller's, or the first answer, or still busy.</summary>
public sealed record IdempotencyClaim(bool Claimed, IdempotencyRecord? Previous)
{
    public bool Busy => !Claimed && Previous is null;
}

/// <summary>
/// Decides in the database who handles a key: the first request inserts a claim row (primary key user and key), so
/// every instance sees it; a request that finds an answered row replays it, one that finds a claim waits for the answer.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A claim this old belongs to an instance that stopped mid-request: the key is handled afresh.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    /// <summary>How long a request waits for another one with its key to finish before it is told to retry.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<IdempotencyClaim> ClaimAsync(string userId, string key, string requestHash, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var now = time.UtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
            if (existing is not null && existing.ExpiresAt > now && (existing.Answered || existing.CreatedAt > now - AbandonedAfter))
            {
                if (existing.Answered)
                {
                    return new IdempotencyClaim(false, existing);
                }

                if (waited.Elapsed > WaitLimit)
                {
                    return new IdempotencyClaim(false, null);
                }

                await Task.Delay(PollInterval, ct);
                continue;
            }

            if (existing is not null)
            {
                // Expired or abandoned: only the request that removes this very row may claim the key next.
                await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(ct);
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = userId, Key = key, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + Retention });
            try
            {
                await db.SaveChangesAsync(ct);
                return new IdempotencyClaim(true, null);
            }
            catch (DbUpdateException ex) when (db.IsConflict(ex))
            {
                // Another request claimed the key first: read what it left.
            }
        }
    }

    /// <summary>Keeps the answer for retries, and drops answers past their 24 hours.</summary>
    public async Task AnswerAsync(string userId, string key, int statusCode, string contentType, byte[] body, CancellationToken ct)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        await db.IdempotencyRecords
            .Where(r => r.UserId == userId && r.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Body, body), ct);
    }

    /// <summary>Gives the key back when the request failed on the server: a retry may well succeed.</summary>
    public async Task ReleaseAsync(string userId, string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.StatusCode == 0).ExecuteDeleteAsync(ct);
    }
}
