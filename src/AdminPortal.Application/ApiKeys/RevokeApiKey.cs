using AdminPortal.Application.Common;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.ApiKeys;

/// <summary>Revokes one of the actor's own keys; calls with it are refused at once.</summary>
public sealed class RevokeApiKey(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<ApiKeyView>> HandleAsync(Actor actor, string keyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == actor.UserId, ct);
        if (key is null)
        {
            return ApiKeyErrors.Missing(keyId);
        }

        var now = time.UtcNow();
        var revoked = key.Revoke(now);
        if (!revoked.IsSuccess)
        {
            return revoked.Error;
        }

        db.AuditEvents.Add(ApiKeyAudit.Of(actor, now, AuditAction.ApiKeyRevoked, key, $"Revoked the API key {key.Name}"));
        return (await db.CommitAsync(ct)).Map(() => ApiKeyView.Of(key));
    }
}
