using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Notifications;

public sealed record NotificationView(long Id, NotificationKind Kind, string Text, string Link, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A person's own notifications, for the accounts they still reach: the bell's count, the list, marking read.</summary>
public sealed class Bell(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<int> CountUnreadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await (await MineAsync(db, actor, ct)).CountAsync(n => n.ReadAt == null, ct);
    }

    public async Task<Page<NotificationView>> ListAsync(Actor actor, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var mine = await MineAsync(db, actor, ct);
        var rows = await mine.OrderByDescending(n => n.Id).Skip(paging.Skip).Take(paging.Limit)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return new Page<NotificationView>(rows, paging.WithTotal ? await mine.CountAsync(ct) : null, null);
    }

    public async Task<Result> MarkReadAsync(Actor actor, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var notification = await (await MineAsync(db, actor, ct, tracked: true)).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null)
        {
            return new Error(Errors.NotificationNotFound, "That notification was not found", "Reload the notifications");
        }

        notification.MarkRead(time.UtcNow());
        return await db.CommitAsync(ct);
    }

    public async Task<Result> MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = time.UtcNow();
        foreach (var notification in await (await MineAsync(db, actor, ct, tracked: true)).Where(n => n.ReadAt == null).ToListAsync(ct))
        {
            notification.MarkRead(now);
        }

        return await db.CommitAsync(ct);
    }

    /// <summary>The actor's notifications about accounts it reaches now (an owner removed from an account no longer sees its news).</summary>
    private static async Task<IQueryable<Notification>> MineAsync(IPortalDbContext db, Actor actor, CancellationToken ct, bool tracked = false)
    {
        var reach = await db.ReachAsync(actor, ct);
        var mine = (tracked ? db.Notifications : db.Notifications.AsNoTracking()).Where(n => n.UserId == actor.UserId);
        return reach.AccountIds is { } accounts ? mine.Where(n => n.AccountId == null || accounts.Contains(n.AccountId)) : mine;
    }
}

public sealed record NotificationPreferenceView(NotificationKind Kind, string Description, bool Email);

/// <summary>Per kind of notification, the bell only (the default) or the bell and an e-mail.</summary>
public sealed class NotificationPreferences(IPortalDbFactory dbFactory)
{
    private static readonly Dictionary<NotificationKind, string> Descriptions = new()
    {
        [NotificationKind.RequestApproved] = "A release request of your accounts is approved",
        [NotificationKind.RequestRejected] = "A release request of your accounts is rejected",
        [NotificationKind.RequestWithdrawn] = "A release request of your accounts is withdrawn",
        [NotificationKind.ReleaseCancelled] = "A release of your accounts is cancelled",
        [NotificationKind.NumberReturned] = "A released number goes back to inventory",
        [NotificationKind.CoolingOffEnding] = "A released number's cooling-off ends within 3 days",
        [NotificationKind.WebhookDisabled] = "A webhook endpoint is turned off after 24 hours of failures",
        [NotificationKind.NewRequest] = "A new request is in the review queue",
        [NotificationKind.RequestWaiting] = "Requests have waited more than 24 hours (once a day, all of them in one)",
    };

    public static IReadOnlyList<NotificationKind> KindsFor(Actor actor) => actor.IsStaff
        ? [NotificationKind.NewRequest, NotificationKind.RequestWaiting]
        : [.. Descriptions.Keys.Except([NotificationKind.NewRequest, NotificationKind.RequestWaiting])];

    public async Task<IReadOnlyList<NotificationPreferenceView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var email = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == actor.UserId && p.Email).Select(p => p.Kind).ToListAsync(ct);
        return [.. KindsFor(actor).Select(k => new NotificationPreferenceView(k, Descriptions[k], email.Contains(k)))];
    }

    public async Task<Result> SetAsync(Actor actor, NotificationKind kind, bool email, CancellationToken ct = default)
    {
        if (!KindsFor(actor).Contains(kind))
        {
            return new Error(Errors.InvalidParameter, $"{kind} is not a notification you get", $"Choose one of {string.Join(", ", KindsFor(actor))}");
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == actor.UserId && p.Kind == kind, ct);
        if (preference is null)
        {
            db.NotificationPreferences.Add(new NotificationPreference(actor.UserId, kind, email));
        }
        else
        {
            preference.Email = email;
        }

        return await db.CommitAsync(ct);
    }
}
