using AdminPortal.Application.Common;
using AdminPortal.Infrastructure.Persistence;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Infrastructure.Api;

/// <summary>The first answer to a POST sent with an Idempotency-Key, kept for replaying retries.</summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;

    public string UserId { get; set; } = null!;

    public string Key { get; set; } = null!;

    /// <summary>A hash of the method, endpoint, route values, query and body: the same key with another request is refused.</summary>
    public string RequestHash { get; set; } = null!;

    /// <summary>Which request holds the claim: only it may store the answer or give the key back.</summary>
    public string ClaimToken { get; set; } = string.Empty;

    /// <summary>0 while the first request is still being handled (the key is claimed), its answer's status after.</summary>
    public int StatusCode { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public bool Answered => StatusCode != 0;
}

/// <summary>
/// What <see cref="IdempotencyStore.ClaimAsync"/> found: the key is now this caller's (<see cref="Token"/>), or the first
/// request (answered, or still running with another body), or a first request still running.
/// </summary>
public sealed record IdempotencyClaim(string? Token, IdempotencyRecord? Previous)
{
    public bool Claimed => Token is not null;

    public bool Busy => Token is null && Previous is null;
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
                // Answered, or another body under the same key: no need to wait for what the answer would be.
                if (existing.Answered || existing.RequestHash != requestHash)
                {
                    return new IdempotencyClaim(null, existing);
                }

                if (waited.Elapsed > WaitLimit)
                {
                    return new IdempotencyClaim(null, null);
                }

                await Task.Delay(PollInterval, ct);
                continue;
            }

            if (existing is not null)
            {
                // Expired or abandoned: only the request that removes this very row may claim the key next.
                await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(ct);
            }

            var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = userId, Key = key, ClaimToken = token, RequestHash = requestHash, CreatedAt = now, ExpiresAt = now + Retention });
            try
            {
                await db.SaveChangesAsync(ct);
                return new IdempotencyClaim(token, null);
            }
            catch (DbUpdateException ex) when (db.IsConflict(ex))
            {
                // Another request claimed the key first: read what it left.
            }
        }
    }

    /// <summary>Keeps the answer for retries (if this claim still holds the key), then drops answers past their 24 hours.</summary>
    public async Task AnswerAsync(string userId, string key, string token, int statusCode, string contentType, byte[] body, CancellationToken ct)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords
            .Where(r => r.UserId == userId && r.Key == key && r.ClaimToken == token)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.StatusCode, statusCode).SetProperty(r => r.ContentType, contentType).SetProperty(r => r.Body, body), ct);
        try
        {
            await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        }
        catch (DbException)
        {
            // Housekeeping only: the next answer sweeps again.
        }
    }

    /// <summary>Gives the key back when the request failed on the server, if this claim still holds it: a retry may well succeed.</summary>
    public async Task ReleaseAsync(string userId, string key, string token, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.ClaimToken == token && r.StatusCode == 0).ExecuteDeleteAsync(ct);
    }
}
