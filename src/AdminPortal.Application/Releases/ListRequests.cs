using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Releases;

public sealed record RequestFilter(
    ReleaseRequestStatus? Status = null,
    string? AccountId = null,
    string? NumberId = null,
    bool OnlyMine = false,
    bool NewestFirst = false,
    string? BatchId = null);

/// <summary>Release requests of the actor's accounts (all of them for staff), oldest first unless asked otherwise.</summary>
public sealed class ListRequests(IPortalDbFactory dbFactory)
{
    public async Task<Result<Page<ReleaseRequestView>>> HandleAsync(Actor actor, RequestFilter filter, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await (await db.ReachAsync(actor, ct)).NarrowAsync(filter.AccountId, ct);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var query = reach.Value.Requests.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.NumberId is { } numberId)
        {
            query = query.Where(r => r.PhoneNumberId == numberId);
        }

        if (filter.BatchId is { } batchId)
        {
            query = query.Where(r => r.BatchId == batchId);
        }

        if (filter.OnlyMine)
        {
            query = query.Where(r => r.RequestedById == actor.UserId);
        }

        int? total = paging.WithTotal ? await query.CountAsync(ct) : null;
        var ordered = filter.NewestFirst
            ? query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            : query.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id);
        var rows = await ordered.Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        return new Page<ReleaseRequestView>(rows.Select(ReleaseRequestView.Of).ToList(), total, null);
    }

    /// <summary>
    /// My requests, newest first: an owner sees every request of its accounts (a colleague's included, so that it can
    /// withdraw them); staff, who reach every account, see the requests they made themselves.
    /// </summary>
    public Task<Result<Page<ReleaseRequestView>>> MineAsync(Actor actor, ReleaseRequestStatus? status, Paging paging, CancellationToken ct = default) =>
        HandleAsync(actor, new RequestFilter(Status: status, OnlyMine: actor.IsStaff, NewestFirst: true), paging, ct);
}
