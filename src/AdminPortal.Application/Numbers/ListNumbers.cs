using System.Linq.Expressions;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;
using AdminPortal.Domain.Numbers;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Application.Numbers;

public enum NumberSort
{
    E164,
    Label,
    Country,
    Type,
    Status,
    PurchasedAt,
    MonthlyPrice,
}

/// <summary>Filters of the numbers list; <see cref="Search"/> matches digits of the number or part of the label.</summary>
public sealed record NumberFilter(
    string? AccountId = null,
    string? Search = null,
    string? Country = null,
    NumberType? Type = null,
    NumberStatus? Status = null,
    NumberSort Sort = NumberSort.E164,
    bool Descending = false);

public sealed record NumberRowView(
    string Id,
    string AccountId,
    string E164,
    string Label,
    string CountryCode,
    NumberType Type,
    NumberStatus Status,
    Money MonthlyPrice,
    DateTime PurchasedAt,
    DateTime NextBillingAt,
    A2pStatus A2pStatus,
    int AgentCount);

/// <summary>
/// The numbers of the actor's accounts, filtered, sorted and paged in the database. Returned numbers have left the account
/// and are listed only when asked for by status. Every page is found by an index whatever its depth: by cursor from a
/// neighbouring page, or from the end for the last one. Totals come from tallies the database keeps; for a search they are
/// exact up to <see cref="SearchCountLimit"/> and "more than" that beyond it.
/// </summary>
public sealed class ListNumbers(IPortalDbFactory dbFactory)
{
    /// <summary>A search counts its matches up to this many; more is reported as "more than".</summary>
    public const int SearchCountLimit = 500;

    /// <summary>
    /// The deepest page an offset reaches: skipped rows are read one by one, so deeper pages come by cursor or from the end.
    /// </summary>
    public const int MaxOffset = 10_000;

    /// <summary>Searches matching at most this many numbers of the platform are found through the text index.</summary>
    private const int TextIndexLimit = 2_000;

    public async Task<Result<Page<NumberRowView>>> HandleAsync(Actor actor, NumberFilter filter, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var narrowed = await (await db.ReachAsync(actor, ct)).NarrowAsync(filter.AccountId, ct);
        if (!narrowed.IsSuccess)
        {
            return narrowed.Error;
        }

        var reach = narrowed.Value;
        var (backwards, descending, beyond) = (false, filter.Descending, (Expression<Func<PhoneNumber, bool>>?)null);
        if (paging.Cursor is not null)
        {
            // A cursor of another list or another sort decodes too, but names no position in this one.
            if (!NumberKeyset.TryDecode(paging.Cursor, filter, out backwards, out descending, out var after))
            {
                return Errors.Cursor();
            }

            beyond = after;
        }
        else if (paging.FromEnd)
        {
            (backwards, descending) = (true, !filter.Descending);
        }
        else if (paging.Skip > MaxOffset)
        {
            return Errors.Offset(MaxOffset);
        }

        var search = filter.Search?.Trim() is { Length: > 0 } text ? SearchText.Of(text) : null;
        var source = search is null ? null : await db.NumbersContainingAsync(search.Text, search.Digits, TextIndexLimit, ct);
        var query = Filtered(source is null ? reach.Numbers : reach.Within(source), filter).AsNoTracking();
        if (source is null && search is not null)
        {
            // LIKE on folded text rather than Contains: what a trigram index (PostgreSQL) answers, and only this search
            // (see PostgresSql.CreateSearchIndexes).
            var (label, inNumber) = (SearchText.Anywhere(search.Lower), SearchText.Anywhere(search.Digits ?? string.Empty));
            query = search.Digits is not null
                ? query.Where(n => EF.Functions.Like(TextSearch.Fold(n.E164), inNumber, SearchText.LikeEscape) || EF.Functions.Like(TextSearch.Fold(n.Label), label, SearchText.LikeEscape))
                : query.Where(n => EF.Functions.Like(TextSearch.Fold(n.Label), label, SearchText.LikeEscape));
        }

        var (total, capped) = (default(int?), false);
        if (paging.WithTotal)
        {
            (total, capped) = search is null ? ((int)await Filtered(reach.NumberTallies, filter).SumAsync(t => t.Count, ct), false) : await CountAsync(query, ct);
        }

        // The page is chosen on the sort keys alone, which an index holds, and only its rows are then read in full
        // with their agent counts: sorting or skipping whole rows would read every row of the account.
        var limit = paging.Limit;
        var ids = Sorted(beyond is null ? query : query.Where(beyond), filter.Sort, descending)
            .Skip(beyond is null && !paging.FromEnd ? paging.Skip : 0)
            .Take(limit + 1)
            .Select(n => n.Id);
        var rows = await Sorted(ids.Join(db.PhoneNumbers.AsNoTracking(), id => id, n => n.Id, (_, n) => n), filter.Sort, descending)
            .Select(n => new NumberRowView(
                n.Id, n.AccountId, n.E164, n.Label, n.CountryCode, n.Type, n.Status, new Money(n.MonthlyPriceCents),
                n.PurchasedAt, n.NextBillingAt, n.A2pStatus, n.Agents.Count))
            .ToListAsync(ct);

        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backwards)
        {
            rows.Reverse();
        }

        // Read backwards, "more" lies before the page and the rows after it are where the cursor came from.
        var hasNext = backwards ? paging.Cursor is not null : more;
        var hasPrevious = backwards ? more : paging.Cursor is not null || paging.Skip > 0;
        return new Page<NumberRowView>(
            rows,
            total,
            hasNext && rows.Count > 0 ? NumberKeyset.After(rows[^1], filter) : null,
            hasPrevious && rows.Count > 0 ? NumberKeyset.Before(rows[0], filter) : null,
            capped);
    }

    private static async Task<(int? Total, bool Capped)> CountAsync(IQueryable<PhoneNumber> query, CancellationToken ct)
    {
        // In number order, as the list reads: matches of a common term are then spread evenly rather than bunched at the
        // end of whichever index the database would pick (labels in label order), and the count stops early.
        var count = await query.OrderBy(n => n.E164).Take(SearchCountLimit + 1).CountAsync(ct);
        return count > SearchCountLimit ? (SearchCountLimit, true) : (count, false);
    }

    private static IQueryable<PhoneNumber> Filtered(IQueryable<PhoneNumber> query, NumberFilter filter)
    {
        query = filter.Status is { } status ? query.Where(n => n.Status == status) : query.Where(n => n.Status != NumberStatus.Returned);
        query = filter.Type is { } type ? query.Where(n => n.Type == type) : query;
        return Country(filter) is { } country ? query.Where(n => n.CountryCode == country) : query;
    }

    private static IQueryable<NumberTally> Filtered(IQueryable<NumberTally> tallies, NumberFilter filter)
    {
        tallies = filter.Status is { } status ? tallies.Where(t => t.Status == status) : tallies.Where(t => t.Status != NumberStatus.Returned);
        tallies = filter.Type is { } type ? tallies.Where(t => t.Type == type) : tallies;
        return Country(filter) is { } country ? tallies.Where(t => t.CountryCode == country) : tallies;
    }

    private static string? Country(NumberFilter filter) => string.IsNullOrWhiteSpace(filter.Country) ? null : filter.Country.Trim().ToUpperInvariant();

    /// <summary>Sort key, then number and id, all in one direction: one index serves the order and its reverse.</summary>
    private static IOrderedQueryable<PhoneNumber> Sorted(IQueryable<PhoneNumber> query, NumberSort sort, bool descending)
    {
        var sorted = sort switch
        {
            NumberSort.Label => descending ? query.OrderByDescending(n => n.Label) : query.OrderBy(n => n.Label),
            NumberSort.Country => descending ? query.OrderByDescending(n => n.CountryCode) : query.OrderBy(n => n.CountryCode),
            NumberSort.Type => descending ? query.OrderByDescending(n => n.Type) : query.OrderBy(n => n.Type),
            NumberSort.Status => descending ? query.OrderByDescending(n => n.Status) : query.OrderBy(n => n.Status),
            NumberSort.PurchasedAt => descending ? query.OrderByDescending(n => n.PurchasedAt) : query.OrderBy(n => n.PurchasedAt),
            NumberSort.MonthlyPrice => descending ? query.OrderByDescending(n => n.MonthlyPriceCents) : query.OrderBy(n => n.MonthlyPriceCents),
            _ => null,
        };
        return sorted is null
            ? (descending ? query.OrderByDescending(n => n.E164).ThenByDescending(n => n.Id) : query.OrderBy(n => n.E164).ThenBy(n => n.Id))
            : (descending ? sorted.ThenByDescending(n => n.E164).ThenByDescending(n => n.Id) : sorted.ThenBy(n => n.E164).ThenBy(n => n.Id));
    }
}
