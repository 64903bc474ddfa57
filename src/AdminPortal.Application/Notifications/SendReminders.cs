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
/// chance to cancel), staff when a request has waited more than 24 hours. Each reaches each person once.
/// </summary>
public sealed class SendReminders(IPortalDbFactory dbFactory, IUserDirectory directory, TimeProvider time, IOptions<NotificationOptions> options)
{
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow();
        var settings = options.Value;
        await using var db = await dbFactory.CreateAsync(ct);
        var endingBefore = now.AddDays(settings.CoolingOffReminderDays);
        var ending = await db.PhoneNumbers.AsNoTracking()
            .Where(n => n.Status == NumberStatus.Released && n.AvailableAfter > now && n.AvailableAfter <= endingBefore)
            .Select(n => new { n.Id, n.AccountId, n.E164, n.ReleasedAt, n.AvailableAfter })
            .ToListAsync(ct);
        var waitingSince = now.AddHours(-settings.WaitingReminderHours);
        var waiting = await db.ReleaseRequests.AsNoTracking()
            .Where(r => r.Status == ReleaseRequestStatus.Pending && r.RequestedAt <= waitingSince)
            .Select(r => new { r.Id, r.AccountId, r.E164, r.RequestedAt, r.RequestedById })
            .ToListAsync(ct);
        if (ending.Count == 0 && waiting.Count == 0)
        {
            return 0;
        }

        var owners = await Announcer.OwnersAsync(db, directory, [.. ending.Select(n => n.AccountId).Distinct()], ct);
        var staff = waiting.Count > 0 ? await Announcer.StaffAsync(directory, ct) : [];
        var announcer = new Announcer(db, settings, now);
        await announcer.LoadPreferencesAsync([.. owners.SelectMany(g => g).Select(u => u.Id), .. staff.Select(u => u.Id)], ct);
        foreach (var number in ending)
        {
            var text = $"{number.E164} returns to inventory on {number.AvailableAfter:yyyy-MM-dd HH:mm} UTC; cancel the release before then to keep it";
            foreach (var owner in owners[number.AccountId])
            {
                await announcer.AnnounceAsync(owner, NotificationKind.CoolingOffEnding, number.AccountId, text, $"numbers/{number.Id}", $"cooling:{number.Id}:{number.ReleasedAt:O}", ct);
            }
        }

        foreach (var request in waiting)
        {
            var text = $"The release request for {request.E164} has waited since {request.RequestedAt:yyyy-MM-dd HH:mm} UTC";
            foreach (var reviewer in staff.Where(s => s.Id != request.RequestedById))
            {
                await announcer.AnnounceAsync(reviewer, NotificationKind.RequestWaiting, request.AccountId, text, "review", $"waiting:{request.Id}", ct);
            }
        }

        return (await db.CommitAsync(ct)).IsSuccess ? ending.Count + waiting.Count : 0;
    }
}
