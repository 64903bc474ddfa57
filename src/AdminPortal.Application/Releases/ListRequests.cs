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

/// <summary>
/// Release requests of the actor's accounts (all of them for staff), oldest first unless asked otherwise. Paged by offset,
/// or by the cursor each page gives: a reviewer deciding the pending requests page by page then skips none of them.
/// </summary>
public sealed class ListRequests(IPortalDbFactory dbFactory)
{
    private const string CursorList = "requests";

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
        if (paging.Cursor is not null)
        {
            if (!TimeCursor.TryDecode(CursorList, paging.Cursor, out var at, out var id))
            {
                return Errors.Cursor();
            }

            query = filter.NewestFirst
                ? query.Where(r => r.RequestedAt < at || (r.RequestedAt == at && string.Compare(r.Id, id) < 0))
                : query.Where(r => r.RequestedAt > at || (r.RequestedAt == at && string.Compare(r.Id, id) > 0));
        }

        var ordered = filter.NewestFirst
            ? query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            : query.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id);
        var rows = await ordered.Skip(paging.Cursor is null ? paging.Skip : 0).Take(paging.Limit + 1).ToListAsync(ct);
        var next = rows.Count > paging.Limit ? TimeCursor.Encode(CursorList, rows[paging.Limit - 1].RequestedAt, rows[paging.Limit - 1].Id) : null;
        return new Page<ReleaseRequestView>([.. rows.Take(paging.Limit).Select(ReleaseRequestView.Of)], total, next);
    }

    /// <summary>One request of the actor's accounts (any for staff), or REQUEST_NOT_FOUND.</summary>
    public async Task<Result<ReleaseRequestView>> OneAsync(Actor actor, string requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return (await (await db.ReachAsync(actor, ct)).FindRequestAsync(requestId, ct)).Map(ReleaseRequestView.Of);
    }

    /// <summary>
    /// My requests, newest first: an owner sees every request of its accounts (a colleague's included, so that it can
    /// withdraw them); staff, who reach every account, see the requests they made themselves.
    /// </summary>
    public Task<Result<Page<ReleaseRequestView>>> MineAsync(Actor actor, ReleaseRequestStatus? status, Paging paging, CancellationToken ct = default) =>
        HandleAsync(actor, new RequestFilter(Status: status, OnlyMine: actor.IsStaff, NewestFirst: true), paging, ct);
}
