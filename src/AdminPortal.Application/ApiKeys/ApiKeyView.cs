using AdminPortal.Domain.ApiKeys;

namespace AdminPortal.Application.ApiKeys;

public sealed record ApiKeyView(string Id, string Name, string ShownPrefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyView Of(ApiKey key) => new(key.Id, key.Name, key.ShownPrefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just issued, with the secret that is shown this once and never stored.</summary>
public sealed record IssuedApiKeyView(ApiKeyView Key, string Secret);

/// <summary>Whose key a secret is.</summary>
public sealed record ApiKeyOwnerView(string KeyId, string UserId);
