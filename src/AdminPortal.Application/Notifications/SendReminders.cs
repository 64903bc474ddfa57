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
/// chance to cancel), once per release; staff get one digest a day of the requests (not their own) that have waited more
/// than 24 hours, however many there are. They are written <see cref="Chunk"/> at a time, each chunk its own transaction:
/// many reminders at once must not hold the database's write lock for long (on SQLite, every other writer waits for it).
/// </summary>
public sealed class SendReminders(IPortalDbFactory dbFactory, IUserDirectory directory, TimeProvider time, IOptions<NotificationOptions> options)
{
    private const int Chunk = 500;

    /// <summary>The reminders written this time: one per person and reminder.</summary>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var settings = options.Value;
        var endingBefore = now.AddDays(settings.CoolingOffReminderDays);
        var waitingSince = now.AddHours(-settings.WaitingReminderHours);
        var due = new List<(UserView To, Reminder What)>();
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var ending = await db.PhoneNumbers.AsNoTracking()
                .Where(n => n.Status == NumberStatus.Released && n.AvailableAfter > now && n.AvailableAfter <= endingBefore)
                .Select(n => new { n.Id, n.AccountId, n.E164, n.ReleasedAt, n.AvailableAfter })
                .ToListAsync(ct);
            var waiting = await db.ReleaseRequests.AsNoTracking()
                .Where(r => r.Status == ReleaseRequestStatus.Pending && r.RequestedAt <= waitingSince)
                .GroupBy(r => r.RequestedById)
                .Select(g => new { RequestedById = g.Key, Count = g.Count(), Oldest = g.Min(r => r.RequestedAt) })
                .ToListAsync(ct);
            if (ending.Count == 0 && waiting.Count == 0)
            {
                return 0;
            }

            var owners = await Announcer.OwnersAsync(db, directory, [.. ending.Select(n => n.AccountId).Distinct()], ct);
            due.AddRange(ending.SelectMany(n => owners[n.AccountId].Select(owner => (owner, new Reminder(
                NotificationKind.CoolingOffEnding, n.AccountId,
                $"{n.E164} returns to inventory on {n.AvailableAfter:yyyy-MM-dd HH:mm} UTC; cancel the release before then to keep it",
                $"numbers/{n.Id}", $"cooling:{n.Id}:{n.ReleasedAt:O}")))));
            foreach (var person in waiting.Count > 0 ? await Announcer.StaffAsync(directory, ct) : [])
            {
                var others = waiting.Where(w => w.RequestedById != person.Id).ToList();
                if (others.Sum(w => w.Count) is var count and > 0)
                {
                    due.Add((person, new Reminder(
                        NotificationKind.RequestWaiting, null,
                        $"{count} release request{(count == 1 ? " has" : "s have")} waited more than {settings.WaitingReminderHours} hours; the oldest since {others.Min(w => w.Oldest):yyyy-MM-dd HH:mm} UTC",
                        "review", $"waiting:{now:yyyy-MM-dd}")));
                }
            }
        }

        var sent = 0;
        foreach (var chunk in due.Chunk(Chunk))
        {
            var people = chunk.Select(d => d.To.Id).Distinct().ToList();
            await using var db = await dbFactory.CreateAsync(ct);
            var announcer = new Announcer(db, settings, now);
            await announcer.LoadPreferencesAsync(people, ct);
            await announcer.LoadSentAsync(people, [.. chunk.Select(d => d.What.Key).Distinct()], ct);
            var written = 0;
            foreach (var (to, what) in chunk)
            {
                written += await announcer.AnnounceAsync(to, what.Kind, what.AccountId, what.Text, what.Link, what.Key, ct) ? 1 : 0;
            }

            sent += (await db.CommitAsync(ct)).IsSuccess ? written : 0;
        }

        return sent;
    }

    /// <summary>One reminder: its kind, account (none for staff's digest), words, link and the key that sends it once.</summary>
    private sealed record Reminder(NotificationKind Kind, string? AccountId, string Text, string Link, string Key);
}
