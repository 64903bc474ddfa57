using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>A pending request as a reviewer needs it: how old, what it would cost now, and what blocks it now.</summary>
public sealed record ReviewItemView(
    ReleaseRequestView Request,
    string AccountName,
    TimeSpan Age,
    Money FeeIfApprovedNow,
    IReadOnlyList<Error> Blockers,
    bool IsOwnRequest);

/// <summary>Pending requests across all accounts, oldest first. Staff only.</summary>
public sealed class ListReviewQueue(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<Result<Page<ReviewItemView>>> HandleAsync(Actor actor, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = db.StaffReach(actor);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var pending = reach.Value.Requests.AsNoTracking().Where(r => r.Status == ReleaseRequestStatus.Pending);
        int? total = paging.WithTotal ? await pending.CountAsync(ct) : null;
        var requests = await pending.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);

        var numberIds = requests.Select(r => r.PhoneNumberId).ToList();
        var numbers = await reach.Value.Numbers.AsNoTracking().Include(n => n.Agents).Where(n => numberIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var accountIds = requests.Select(r => r.AccountId).Distinct().ToList();
        var accountNames = await reach.Value.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var now = time.UtcNow();
        var terms = options.Value.Terms;
        var items = requests.Select(r =>
        {
            var number = numbers[r.PhoneNumberId];
            return new ReviewItemView(
                ReleaseRequestView.Of(r), accountNames[r.AccountId], now - r.RequestedAt, terms.FeeFor(number.PurchasedAt, now), number.ApprovalBlockers(), r.WasRequestedBy(actor));
        }).ToList();
        return new Page<ReviewItemView>(items, total, null);
    }
}
