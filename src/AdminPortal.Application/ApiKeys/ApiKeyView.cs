using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;

namespace AdminPortal.Application.ApiKeys;

public sealed record ApiKeyView(string Id, string Name, string ShownPrefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyView Of(ApiKey key) => new(key.Id, key.Name, key.ShownPrefix, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just issued, with the secret that is shown this once and never stored.</summary>
public sealed record IssuedApiKeyView(ApiKeyView Key, string Secret);

/// <summary>Whose key a secret is.</summary>
public sealed record ApiKeyOwnerView(string KeyId, string UserId);

/// <summary>What the audit trail keeps of a key: never its secret or hash.</summary>
internal static class ApiKeyAudit
{
    public static AuditEvent Of(Actor actor, DateTime now, AuditAction action, ApiKey key, string summary) =>
        AuditEvent.Record(actor, now, action, null, $"API key {key.Id}", summary, null, new { key_id = key.Id, name = key.Name, revoked_at = key.RevokedAt });
}
