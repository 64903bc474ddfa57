using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Numbers;

public sealed record AgentView(string AgentId, string Name);

public sealed record NumberDetails(
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
    PendingRequest? PendingRequest,
    bool CanCancelRelease,
    bool ReleasedAtOnceOnRequest);

/// <summary>The request waiting for review, and whether the person looking may withdraw it.</summary>
public sealed record PendingRequest(string Id, string RequestedByName, DateTime RequestedAt, string Reason, bool CanWithdraw);

public sealed class GetNumber(IPortalDbFactory dbFactory, TimeProvider time)
{
    public async Task<Result<NumberDetails>> HandleAsync(Actor actor, NumberKey key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.FindNumberAsync(actor, key, ct);
        return found.IsSuccess ? await DescribeAsync(db, actor, found.Value, time.UtcNow(), ct) : found.Error;
    }

    /// <summary>The number as the actor sees it: its account, its pending request and what the actor may do with them.</summary>
    internal static async Task<NumberDetails> DescribeAsync(IPortalDbContext db, Actor actor, PhoneNumber n, DateTime now, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Include(a => a.Members).SingleAsync(a => a.Id == n.AccountId, ct);
        var pending = await db.ReleaseRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PhoneNumberId == n.Id && r.Status == ReleaseRequestStatus.Pending, ct);

        return new NumberDetails(
            n.Id, n.AccountId, account.Name, n.E164, n.Label, n.CountryCode, n.Type, n.Provider, n.MonthlyPrice,
            n.PurchasedAt, n.NextBillingAt, n.A2pStatus, n.TrunkGroup, n.InboundRouting, n.ActiveCampaign,
            n.CallsInProgress, n.Status, n.Agents.Select(a => new AgentView(a.AgentId, a.Name)).ToList(),
            n.ReleasedAt, n.AvailableAfter, n.ReturnedAt, new Money(n.ReleaseFeeCents),
            n.TrunkGroupBeforeRelease, n.InboundRoutingBeforeRelease, pending is null ? null : new PendingRequest(
                pending.Id, pending.RequestedByName, pending.RequestedAt, pending.Reason, pending.MayBeWithdrawnBy(actor, account.IsOwnedBy(actor.UserId))),
            n.CanCancelReleaseAt(now),
            account.ApprovesReleasesAtOnceFor(actor.UserId));
    }
}
