using AdminPortal.Application.Common;
using AdminPortal.Domain.ApiKeys;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.ApiKeys;

/// <summary>
/// Who an API call's secret belongs to: the owner of a live key. An unknown key and a revoked one are told apart: only the
/// holder of a revoked key's secret learns that it was revoked, and it tells them to make a new one rather than check a typo.
/// </summary>
public sealed class AuthenticateApiKey(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<ApiKeyOwnerView>> HandleAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(ApiKey.SecretPrefix, StringComparison.Ordinal))
        {
            return Unknown;
        }

        var hash = ApiKey.Hash(secret);
        await using var db = await dbFactory.CreateAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.SecretHash == hash, ct);
        if (key is null)
        {
            return Unknown;
        }

        if (key.IsRevoked)
        {
            return Revoked;
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
            return Revoked;
        }

        return new ApiKeyOwnerView(key.Id, key.UserId);
    }

    private static Error Unknown => new(Errors.Unauthenticated, "The API key is unknown", "Check that the whole key was sent, as the portal showed it once");

    private static Error Revoked => new(Errors.Unauthenticated, "The API key has been revoked", "Create a new key on the portal's API keys page");
}
