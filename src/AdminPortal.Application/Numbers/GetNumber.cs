using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdminPortal.Application.Numbers;

public sealed record AgentView(string AgentId, string Name);

public sealed record NumberView(
    string Id,
    string AccountId,
    string AccountName,
    string E164,
    string Label,
    string CountryCode,
    NumberType Type,
    string Provider,
    Money MonthlyPrice,
    DateTime PurchasedAt,
    DateTime NextBillingAt,
    A2pStatus A2pStatus,
    string? TrunkGroup,
    string? InboundRouting,
    string? ActiveCampaign,
    int CallsInProgress,
    NumberStatus Status,
    IReadOnlyList<AgentView> Agents,
    DateTime? ReleasedAt,
    DateTime? AvailableAfter,
    DateTime? ReturnedAt,
    Money ReleaseFee,
    string? TrunkGroupBeforeRelease,
    string? InboundRoutingBeforeRelease,
    PendingRequestView? PendingRequest,
    bool CanCancelRelease,
    bool ReleasedAtOnceOnRequest);

/// <summary>
/// The number's open request: waiting for a decision, or approved for the end of the billing cycle (<see cref="ScheduledFor"/>);
/// when it releases the number, and whether the person looking may withdraw it.
/// </summary>
public sealed record PendingRequestView(
    string Id, string RequestedByName, DateTime RequestedAt, string Reason, bool CanWithdraw, ReleaseTiming Timing, DateTime? ScheduledFor = null);

public sealed class GetNumber(IPortalDbFactory dbFactory, TimeProvider time, IOptions<ReleaseOptions> options)
{
    public async Task<Result<NumberView>> HandleAsync(Actor actor, NumberKey key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await db.ReachAsync(actor, ct);
        return await (await reach.FindNumberAsync(key, ct)).ThenAsync(async number => (Result<NumberView>)await DescribeAsync(db, reach, number, time.UtcNow(), options.Value.Terms, ct));
    }

    /// <summary>The number as the actor sees it: its account, its release or pending request, and what the actor may do with them.</summary>
    internal static async Task<NumberView> DescribeAsync(IPortalDbContext db, Reach reach, PhoneNumber n, DateTime now, ReleaseTerms terms, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Include(a => a.Members).SingleAsync(a => a.Id == n.AccountId, ct);
        var requests = await db.ReleaseRequests.AsNoTracking()
            .Where(r => r.PhoneNumberId == n.Id && (r.Status == ReleaseRequestStatus.Pending || r.Status == ReleaseRequestStatus.Scheduled || r.Status == ReleaseRequestStatus.Approved))
            .OrderByDescending(r => r.RequestedAt)
            .ToListAsync(ct);
        var pending = requests.FirstOrDefault(r => r.Status is ReleaseRequestStatus.Pending or ReleaseRequestStatus.Scheduled);
        var release = n.Status is NumberStatus.Released or NumberStatus.Returned ? requests.FirstOrDefault(r => r.Status == ReleaseRequestStatus.Approved) : null;

        return new NumberView(
            n.Id, n.AccountId, account.Name, n.E164, n.Label, n.CountryCode, n.Type, n.Provider, n.MonthlyPrice,
            n.PurchasedAt, n.NextBillingAt, n.A2pStatus, n.TrunkGroup, n.InboundRouting, n.ActiveCampaign,
            n.CallsInProgress, n.Status, n.Agents.Select(a => new AgentView(a.AgentId, a.Name)).ToList(),
            n.ReleasedAt, n.AvailableAfter, n.ReturnedAt, release?.FeeCharged ?? Money.Zero,
            n.TrunkGroupBeforeRelease, n.InboundRoutingBeforeRelease, pending is null ? null : new PendingRequestView(
                pending.Id, pending.RequestedByName, pending.RequestedAt, pending.Reason, pending.MayBeWithdrawnBy(reach.Actor, reach.Owns(n.AccountId)), pending.Timing, pending.ScheduledFor),
            n.CanCancelReleaseAt(now),
            // As RequestRelease decides: a number that needs two reviewers waits for them under any policy.
            account.ApprovesReleasesAtOnceFor(reach.Actor.UserId) && terms.SecondApprovalReasons(n, 1).Count == 0);
    }
}
