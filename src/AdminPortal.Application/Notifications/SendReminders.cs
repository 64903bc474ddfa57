using AdminPortal.Application.Common;
using AdminPortal.Application.Users;
using AdminPortal.Domain.Notifications;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Notifications;

/// <summary>
/// Reminders nobody's action triggers: owners hear when a released number's cooling-off ends within 3 days (the last
/// chance to cancel), staff when a request has waited more than 24 hours. Each reaches each person once. They are written
/// <see cref="Chunk"/> at a time, each chunk its own transaction: a backlog of thousands of waiting requests times every
/// reviewer must not hold the database's write lock for long (on SQLite, every other writer waits for it).
/// </summary>
public sealed class SendReminders(IPortalDbFactory dbFactory, IUserDirectory directory, TimeProvider time, IOptions<NotificationOptions> options)
{
    private const int Chunk = 500;

    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var settings = options.Value;
        var endingBefore = now.AddDays(settings.CoolingOffReminderDays);
        var waitingSince = now.AddHours(-settings.WaitingReminderHours);
        ILookup<string, UserView> owners;
        IReadOnlyList<UserView> staff;
        var reminders = new List<Reminder>();
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var ending = await db.PhoneNumbers.AsNoTracking()
                .Where(n => n.Status == NumberStatus.Released && n.AvailableAfter > now && n.AvailableAfter <= endingBefore)
                .Select(n => new { n.Id, n.AccountId, n.E164, n.ReleasedAt, n.AvailableAfter })
                .ToListAsync(ct);
            var waiting = await db.ReleaseRequests.AsNoTracking()
                .Where(r => r.Status == ReleaseRequestStatus.Pending && r.RequestedAt <= waitingSince)
                .Select(r => new { r.Id, r.AccountId, r.E164, r.RequestedAt, r.RequestedById })
                .ToListAsync(ct);
            if (ending.Count == 0 && waiting.Count == 0)
            {
                return 0;
            }

            owners = await Announcer.OwnersAsync(db, directory, [.. ending.Select(n => n.AccountId).Distinct()], ct);
            staff = waiting.Count > 0 ? await Announcer.StaffAsync(directory, ct) : [];
            reminders.AddRange(ending.Select(n => new Reminder(
                NotificationKind.CoolingOffEnding, n.AccountId, null,
                $"{n.E164} returns to inventory on {n.AvailableAfter:yyyy-MM-dd HH:mm} UTC; cancel the release before then to keep it",
                $"numbers/{n.Id}", $"cooling:{n.Id}:{n.ReleasedAt:O}")));
            reminders.AddRange(waiting.Select(r => new Reminder(
                NotificationKind.RequestWaiting, r.AccountId, r.RequestedById,
                $"The release request for {r.E164} has waited since {r.RequestedAt:yyyy-MM-dd HH:mm} UTC", "review", $"waiting:{r.Id}")));
        }

        var sent = 0;
        foreach (var chunk in reminders.Chunk(Math.Max(Chunk / Math.Max(staff.Count, 1), 1)))
        {
            var recipients = chunk.Select(r => (Reminder: r, People: r.Kind == NotificationKind.CoolingOffEnding ? [.. owners[r.AccountId]] : staff.Where(s => s.Id != r.Except).ToList())).ToList();
            var people = recipients.SelectMany(r => r.People).Select(u => u.Id).Distinct().ToList();
            await using var db = await dbFactory.CreateAsync(ct);
            var announcer = new Announcer(db, settings, now);
            await announcer.LoadPreferencesAsync(people, ct);
            await announcer.LoadSentAsync(people, [.. chunk.Select(r => r.Key)], ct);
            foreach (var (reminder, to) in recipients)
            {
                foreach (var person in to)
                {
                    await announcer.AnnounceAsync(person, reminder.Kind, reminder.AccountId, reminder.Text, reminder.Link, reminder.Key, ct);
                }
            }

            sent += (await db.CommitAsync(ct)).IsSuccess ? chunk.Length : 0;
        }

        return sent;
    }

    /// <summary>One reminder, for the owners of its account (cooling-off) or for the staff but <see cref="Except"/>, who asked.</summary>
    private sealed record Reminder(NotificationKind Kind, string AccountId, string? Except, string Text, string Link, string Key);
}
