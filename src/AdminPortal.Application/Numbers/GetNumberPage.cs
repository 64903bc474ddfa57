using AdminPortal.Application.Audit;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Numbers;

/// <summary>Everything the number page shows, read from one loading of the number.</summary>
public sealed record NumberPageView(NumberView Number, ReleasePreview Preview, IReadOnlyList<AuditEntryView> History, DateTime AsOf);

public sealed class GetNumberPage(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    /// <summary>The newest events of the number's history shown on its page.</summary>
    public const int HistoryLength = 50;

    public async Task<Result<NumberPageView>> HandleAsync(Actor actor, NumberKey key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await db.ReachAsync(actor, ct);
        var found = await reach.FindNumberAsync(key, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var number = found.Value;
        var now = time.UtcNow();
        var details = await GetNumber.DescribeAsync(db, reach, number, now, options.Value.Terms, ct);
        var history = await reach.AuditEvents.AsNoTracking()
            .Where(e => e.PhoneNumberId == number.Id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(HistoryLength)
            .Select(QueryAudit.ToEntry)
            .ToListAsync(ct);
        return new NumberPageView(details, ReleasePreview.Of(number, options.Value.Terms, now), history, now);
    }
}
