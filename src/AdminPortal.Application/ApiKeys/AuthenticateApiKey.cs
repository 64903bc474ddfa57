using AdminPortal.Application.Common;
using AdminPortal.Domain.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.ApiKeys;

/// <summary>Who an API call's secret belongs to: the owner of a live key, or null for an unknown or revoked one.</summary>
public sealed class AuthenticateApiKey(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<ApiKeyOwnerView?> HandleAsync(string secret, CancellationToken ct = default)
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

        try
        {
            if (key.MarkUsed(time.UtcNow()))
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Revoked between the read and this write.
            return null;
        }

        return new ApiKeyOwnerView(key.Id, key.UserId);
    }
}
