using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Releases;

/// <summary>
/// A pending request as a reviewer needs it: how old, when approving it now releases the number and at what fee, what blocks
/// it now, and whether it waits for a second reviewer (and whether the first was this reviewer).
/// </summary>
public sealed record ReviewItemView(
    ReleaseRequestView Request,
    string AccountName,
    TimeSpan Age,
    Money FeeIfApprovedNow,
    IReadOnlyList<Error> Blockers,
    bool IsOwnRequest,
    bool FirstApprovedByMe = false,
    DateTime? ReleasedAtCycleEnd = null);

/// <summary>A bulk release waiting in the queue: one row that opens to its numbers.</summary>
public sealed record ReviewBatchView(string BatchId, string AccountName, string RequestedByName, string Reason, TimeSpan Age, IReadOnlyList<ReviewItemView> Items)
{
    public Money TotalFees => new(Items.Sum(i => i.FeeIfApprovedNow.Cents));
}

/// <summary>Pending requests across all accounts, oldest first: single requests a page at a time, bulk releases as batches. Staff only.</summary>
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

        var pending = reach.Value.Requests.AsNoTracking().Where(r => r.Status == ReleaseRequestStatus.Pending && r.BatchId == null);
        int? total = paging.WithTotal ? await pending.CountAsync(ct) : null;
        var requests = await pending.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        return new Page<ReviewItemView>(await ItemsAsync(reach.Value, actor, requests, ct), total, null);
    }

    /// <summary>The batches with pending requests, oldest first, each with its pending numbers.</summary>
    public async Task<Result<IReadOnlyList<ReviewBatchView>>> BatchesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = db.StaffReach(actor);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var requests = await reach.Value.Requests.AsNoTracking()
            .Where(r => r.Status == ReleaseRequestStatus.Pending && r.BatchId != null)
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.E164)
            .ToListAsync(ct);
        var items = await ItemsAsync(reach.Value, actor, requests, ct);
        return items.GroupBy(i => i.Request.BatchId!)
            .Select(g => new ReviewBatchView(g.Key, g.First().AccountName, g.First().Request.RequestedByName, g.First().Request.Reason, g.Max(i => i.Age), [.. g]))
            .ToList();
    }

    private async Task<IReadOnlyList<ReviewItemView>> ItemsAsync(Reach reach, Actor actor, IReadOnlyList<ReleaseRequest> requests, CancellationToken ct)
    {
        var numberIds = requests.Select(r => r.PhoneNumberId).ToList();
        var numbers = await reach.Numbers.AsNoTracking().Include(n => n.Agents).Where(n => numberIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var accountIds = requests.Select(r => r.AccountId).Distinct().ToList();
        var accountNames = await reach.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var now = time.UtcNow();
        var terms = options.Value.Terms;
        return [.. requests.Select(r =>
        {
            var number = numbers[r.PhoneNumberId];
            var releasedAt = r.ReleasedAtIfApproved(number, now);
            return new ReviewItemView(
                ReleaseRequestView.Of(r), accountNames[r.AccountId], now - r.RequestedAt, terms.FeeFor(number.PurchasedAt, releasedAt), number.ApprovalBlockers(), r.WasRequestedBy(actor),
                r.FirstApprovedById == actor.UserId, r.Timing == ReleaseTiming.EndOfBillingCycle ? releasedAt : null);
        })];
    }
}
