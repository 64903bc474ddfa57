using AdminPortal.Application.Common;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.ApiKeys;

public sealed record ApiKeyView(string Id, string Name, string ShownPrefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyView Of(ApiKey key) => new(key.Id, key.Name, key.ShownPrefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just issued, with the secret that is shown this once and never stored.</summary>
public sealed record IssuedApiKey(ApiKeyView Key, string Secret);

/// <summary>Whose key a secret is.</summary>
public sealed record ApiKeyOwner(string KeyId, string UserId);

/// <summary>Each user's own API keys: list, issue, revoke; and the lookup that authenticates an API call.</summary>
public sealed class UserApiKeys(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == actor.UserId).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return [.. keys.Select(ApiKeyView.Of)];
    }

    public async Task<Result<IssuedApiKey>> CreateAsync(Actor actor, string? name, string? fixedSecret = null, CancellationToken ct = default)
    {
        var issued = ApiKey.Issue(Ids.New("key_"), actor.UserId, name, time.UtcNow(), fixedSecret);
        if (!issued.IsSuccess)
        {
            return issued.Error;
        }

        var (key, secret) = issued.Value;
        await using var db = await dbFactory.CreateAsync(ct);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new IssuedApiKey(ApiKeyView.Of(key), secret);
    }

    public async Task<Result<ApiKeyView>> RevokeAsync(Actor actor, string keyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == actor.UserId, ct);
        if (key is null)
        {
            return ApiKeyErrors.Missing(keyId);
        }

        var revoked = key.Revoke(time.UtcNow());
        if (!revoked.IsSuccess)
        {
            return revoked.Error;
        }

        await db.SaveChangesAsync(ct);
        return ApiKeyView.Of(key);
    }

    /// <summary>The owner of a live key with this secret, or null for an unknown or revoked one.</summary>
    public async Task<ApiKeyOwner?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ApiKey.Hash(secret);
        await using var db = await dbFactory.CreateAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.SecretHash == hash, ct);
        if (key is null || key.IsRevoked)
        {
            return null;
        }

        if (key.MarkUsed(time.UtcNow()))
        {
            await db.SaveChangesAsync(ct);
        }

        return new ApiKeyOwner(key.Id, key.UserId);
    }
}
