using System.Globalization;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Audit;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Audit;

public sealed record AuditFilter(
    string? AccountId = null,
    string? NumberId = null,
    string? E164 = null,
    string? User = null,
    AuditAction? Action = null,
    DateTime? From = null,
    DateTime? To = null)
{
    /// <summary>User names are e-mail addresses, which are at most 254 characters.</summary>
    public const int UserMaxLength = 254;
}

public sealed record AuditEntryView(
    long Id,
    DateTime OccurredAt,
    string ActorName,
    AuditAction Action,
    string AccountId,
    string PhoneNumberId,
    string E164,
    string? ReleaseRequestId,
    string Summary,
    string Before,
    string After,
    string? Subject);

/// <summary>The audit trail, newest first: everything for staff, an owner's own accounts otherwise.</summary>
public sealed class QueryAudit(IPortalDbFactory dbFactory)
{
    private const string CursorList = "audit";

    internal static readonly Expression<Func<AuditEvent, AuditEntryView>> ToEntry = e =>
        new AuditEntryView(e.Id, e.OccurredAt, e.ActorName, e.Action, e.AccountId, e.PhoneNumberId, e.E164, e.ReleaseRequestId, e.Summary, e.Before, e.After, e.Subject);

    public async Task<Result<Page<AuditEntryView>>> HandleAsync(Actor actor, AuditFilter filter, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await (await db.ReachAsync(actor, ct)).NarrowAsync(filter.AccountId, ct);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var query = reach.Value.AuditEvents.AsNoTracking();

        if (filter.NumberId is { } numberId)
        {
            query = query.Where(e => e.PhoneNumberId == numberId);
        }

        if (!string.IsNullOrWhiteSpace(filter.E164))
        {
            var parsed = E164.Parse(filter.E164);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            var e164 = parsed.Value.Value;
            query = query.Where(e => e.E164 == e164);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            // User names are e-mail addresses, whose case carries no meaning.
            var user = filter.User.Trim().ToLowerInvariant();
            query = query.Where(e => e.ActorName.ToLower().Contains(user));
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(e => e.OccurredAt < to);
        }

        int? total = paging.WithTotal ? await query.CountAsync(ct) : null;
        if (paging.Cursor is not null)
        {
            // Newest first: events written after the first page come before it, not into the next one.
            if (!TimeCursor.TryDecode(CursorList, paging.Cursor, out var at, out var after) || !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Errors.Cursor();
            }

            query = query.Where(e => e.OccurredAt < at || (e.OccurredAt == at && e.Id < id));
        }

        var rows = await query
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip(paging.Cursor is null ? paging.Skip : 0).Take(paging.Limit + 1)
            .Select(ToEntry)
            .ToListAsync(ct);
        var next = rows.Count > paging.Limit ? TimeCursor.Encode(CursorList, rows[paging.Limit - 1].OccurredAt, rows[paging.Limit - 1].Id.ToString(CultureInfo.InvariantCulture)) : null;
        return new Page<AuditEntryView>([.. rows.Take(paging.Limit)], total, next);
    }
}
