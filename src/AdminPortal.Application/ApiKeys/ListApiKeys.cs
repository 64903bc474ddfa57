using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.ApiKeys;

/// <summary>A user's own API keys, newest first, revoked ones included: no one sees another user's keys.</summary>
public sealed class ListApiKeys(IPortalDbFactory dbFactory)
{
    public async Task<IReadOnlyList<ApiKeyView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == actor.UserId).OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
        return [.. keys.Select(ApiKeyView.Of)];
    }
}
