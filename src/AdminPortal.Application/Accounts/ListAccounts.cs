using AdminPortal.Application.Common;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Accounts;

public sealed record AccountView(string Id, string Name, ReleasePolicy ReleasePolicy);

/// <summary>The accounts the actor reaches: all for staff, its own for an owner.</summary>
public sealed class ListAccounts(IPortalDbFactory dbFactory)
{
    public async Task<IReadOnlyList<AccountView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await db.ReachAsync(actor, ct);
        return await reach.Accounts.AsNoTracking().OrderBy(a => a.Name).Select(a => new AccountView(a.Id, a.Name, a.ReleasePolicy)).ToListAsync(ct);
    }
}
