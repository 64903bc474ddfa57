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

    public int StatusCode { get; set; }

    public string ContentType { get; set; } = string.Empty;

    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

public sealed class IdempotencyStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public async Task<IdempotencyRecord?> FindAsync(string userId, string key, CancellationToken ct)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key && r.ExpiresAt > now, ct);
    }

    /// <summary>Stores an answer, replacing an expired one under the same key, and drops answers past their 24 hours.</summary>
    public async Task SaveAsync(string userId, string key, string requestHash, int statusCode, string contentType, byte[] body, CancellationToken ct)
    {
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            UserId = userId,
            Key = key,
            RequestHash = requestHash,
            StatusCode = statusCode,
            ContentType = contentType,
            Body = body,
            CreatedAt = now,
            ExpiresAt = now + Retention,
        });
        await db.SaveChangesAsync(ct);
    }
}
