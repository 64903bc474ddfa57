using AdminPortal.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Notifications;

/// <summary>Notifications added since an id: the newest id seen, and whom they went to.</summary>
public sealed record NotificationsAdded(long Newest, IReadOnlyCollection<string> UserIds, bool More);

/// <summary>
/// What one poll of an instance needs to tell its open bells which of them to count again: the people who got
/// notifications after <c>after</c> (all of them when there are more than <see cref="Limit"/> new ones).
/// </summary>
public sealed class NewNotifications(IPortalDbFactory dbFactory)
{
    public const int Limit = 500;

    public async Task<NotificationsAdded> HandleAsync(long? after, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (after is not { } mark)
        {
            return new NotificationsAdded(await db.Notifications.MaxAsync(n => (long?)n.Id, ct) ?? 0, [], false);
        }

        var added = await db.Notifications.AsNoTracking().Where(n => n.Id > mark).OrderBy(n => n.Id).Take(Limit + 1)
            .Select(n => new { n.Id, n.UserId }).ToListAsync(ct);
        return added.Count == 0
            ? new NotificationsAdded(mark, [], false)
            : new NotificationsAdded(added[^1].Id, added.Take(Limit).Select(n => n.UserId).ToHashSet(), added.Count > Limit);
    }
}
