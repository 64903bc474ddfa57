using AdminPortal.Application.Common;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Notifications;

/// <summary>
/// Puts a line in people's bells and, for those who asked for it, an e-mail in the mail queue: in the caller's unit of
/// work, once per person and event (the dedupe key), and never to a disabled or not yet active user's mailbox.
/// </summary>
internal sealed class Announcer(IPortalDbContext db, NotificationOptions options, DateTime now)
{
    private readonly HashSet<(string UserId, string Key)> _added = [];
    private readonly HashSet<(string UserId, string Key)> _checked = [];
    private Dictionary<string, HashSet<NotificationKind>> _emailKinds = [];

    public async Task LoadPreferencesAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        _emailKinds = (await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.Email).ToListAsync(ct))
            .GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Kind).ToHashSet());
    }

    /// <summary>Which of these people already have these keys: many announcements then ask once, not once each.</summary>
    public async Task LoadSentAsync(IReadOnlyCollection<string> userIds, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var sent = await db.Notifications.AsNoTracking()
            .Where(n => userIds.Contains(n.UserId) && keys.Contains(n.DedupeKey))
            .Select(n => new { n.UserId, n.DedupeKey })
            .ToListAsync(ct);
        _added.UnionWith(sent.Select(n => (n.UserId, n.DedupeKey!)));
        _checked.UnionWith(userIds.SelectMany(user => keys.Select(key => (user, key))));
    }

    /// <summary>
    /// Adds the notification, dated when what it tells happened (<paramref name="happenedAt"/>, or now), and its e-mail when
    /// the person asked for one; false when they have it already.
    /// </summary>
    public async Task<bool> AnnounceAsync(
        UserView user, NotificationKind kind, string? accountId, string text, string link, string dedupeKey, CancellationToken ct, DateTime? happenedAt = null)
    {
        if (!_added.Add((user.Id, dedupeKey))
            || (!_checked.Contains((user.Id, dedupeKey)) && await db.Notifications.AnyAsync(n => n.UserId == user.Id && n.DedupeKey == dedupeKey, ct)))
        {
            return false;
        }

        db.Notifications.Add(new Notification(user.Id, kind, accountId, text, link, dedupeKey, happenedAt ?? now));
        if (user.Status is UserStatus.Active or UserStatus.Locked && _emailKinds.GetValueOrDefault(user.Id)?.Contains(kind) == true)
        {
            db.QueuedMails.Add(new QueuedMail(
                user.Email,
                $"AdminPortal: {text}",
                $"{text}.\n\n{options.PortalUrl.TrimEnd('/')}/{link}\n\nYou get this e-mail because you chose it on the portal's Notifications page.",
                now));
        }

        return true;
    }

    /// <summary>Every reviewer and administrator.</summary>
    public static async Task<IReadOnlyList<UserView>> StaffAsync(IUserDirectory directory, CancellationToken ct)
    {
        var staff = new List<UserView>();
        foreach (var role in PortalRoles.Staff)
        {
            for (var skip = 0; ; skip += Paging.MaxTake)
            {
                var page = await directory.ListAsync(new UserFilter(Role: role), new Paging(skip, Paging.MaxTake), ct);
                staff.AddRange(page.Items);
                if (page.Items.Count < Paging.MaxTake)
                {
                    break;
                }
            }
        }

        return staff;
    }

    /// <summary>The owners of each of these accounts.</summary>
    public static async Task<ILookup<string, UserView>> OwnersAsync(IPortalDbContext db, IUserDirectory directory, IReadOnlyCollection<string> accountIds, CancellationToken ct)
    {
        var members = await db.AccountMembers.AsNoTracking().Where(m => accountIds.Contains(m.AccountId)).ToListAsync(ct);
        var users = (await directory.FindManyAsync([.. members.Select(m => m.UserId).Distinct()], ct)).ToDictionary(u => u.Id);
        return members.Where(m => users.ContainsKey(m.UserId)).ToLookup(m => m.AccountId, m => users[m.UserId]);
    }
}
