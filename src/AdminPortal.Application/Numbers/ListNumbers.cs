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
/// The numbers of the actor's accounts, filtered, sorted and paged in the database. Returned numbers
/// have left the account and are listed only when asked for by status.
/// </summary>
public sealed class ListNumbers(IPortalDbFactory dbFactory)
{
    public async Task<Result<Page<NumberRowView>>> HandleAsync(Actor actor, NumberFilter filter, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var reach = await (await db.ReachAsync(actor, ct)).NarrowAsync(filter.AccountId, ct);
        if (!reach.IsSuccess)
        {
            return reach.Error;
        }

        var query = reach.Value.Numbers.AsNoTracking();
        query = filter.Status is { } status ? query.Where(n => n.Status == status) : query.Where(n => n.Status != NumberStatus.Returned);
        if (filter.Type is { } type)
        {
            query = query.Where(n => n.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(n => n.CountryCode == country);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Digits search the number only when the text looks like one ("415-555"), not a label such as "Line 12";
            // labels match whatever the case.
            // LIKE on lower-cased text rather than Contains: what a trigram index (PostgreSQL) answers, and only this search
            // (see PostgresSql.CreateSearchIndexes).
            var text = filter.Search.Trim();
            var label = Anywhere(text.ToLowerInvariant());
            var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
            var looksLikeNumber = digits.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')');
            var inNumber = Anywhere(digits);
            query = looksLikeNumber
                ? query.Where(n => EF.Functions.Like(n.E164.ToLower(), inNumber, LikeEscape) || EF.Functions.Like(n.Label.ToLower(), label, LikeEscape))
                : query.Where(n => EF.Functions.Like(n.Label.ToLower(), label, LikeEscape));
        }

        int? total = paging.WithTotal ? await query.CountAsync(ct) : null;

        if (paging.Cursor is not null)
        {
            // A cursor of another list decodes too; only a number and a number id make a position in this one.
            if (filter.Sort != NumberSort.E164 || filter.Descending || !Cursor.TryDecode(paging.Cursor, out var lastE164, out var lastId)
                || !lastE164.StartsWith('+') || !lastId.StartsWith(PhoneNumber.IdPrefix, StringComparison.Ordinal))
            {
                return Errors.Cursor();
            }

            // The first condition alone lets the database seek the index to the cursor; the second picks the rows after it.
            query = query.Where(n => string.Compare(n.E164, lastE164) >= 0
                && (string.Compare(n.E164, lastE164) > 0 || (n.E164 == lastE164 && string.Compare(n.Id, lastId) > 0)));
        }

        // The page is chosen on the sort keys alone, which an index holds, and only its rows are then read in full
        // with their agent counts: sorting or skipping whole rows would read every row of the account.
        var page = Sorted(query, filter)
            .Skip(paging.Cursor is null ? paging.Skip : 0)
            .Take(paging.Limit + 1)
            .Select(n => n.Id)
            .Join(db.PhoneNumbers.AsNoTracking(), id => id, n => n.Id, (_, n) => n);
        var rows = await Sorted(page, filter)
            .Select(n => new NumberRowView(
                n.Id, n.AccountId, n.E164, n.Label, n.CountryCode, n.Type, n.Status, new Money(n.MonthlyPriceCents),
                n.PurchasedAt, n.NextBillingAt, n.A2pStatus, n.Agents.Count))
            .ToListAsync(ct);

        var hasMore = rows.Count > paging.Limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var next = hasMore && filter.Sort == NumberSort.E164 && !filter.Descending ? Cursor.Encode(rows[^1].E164, rows[^1].Id) : null;
        return new Page<NumberRowView>(rows, total, next);
    }

    private static IOrderedQueryable<PhoneNumber> Sorted(IQueryable<PhoneNumber> query, NumberFilter filter)
    {
        var sorted = (filter.Sort, filter.Descending) switch
        {
            (NumberSort.Label, false) => query.OrderBy(n => n.Label),
            (NumberSort.Label, true) => query.OrderByDescending(n => n.Label),
            (NumberSort.Country, false) => query.OrderBy(n => n.CountryCode),
            (NumberSort.Country, true) => query.OrderByDescending(n => n.CountryCode),
            (NumberSort.Type, false) => query.OrderBy(n => n.Type),
            (NumberSort.Type, true) => query.OrderByDescending(n => n.Type),
            (NumberSort.Status, false) => query.OrderBy(n => n.Status),
            (NumberSort.Status, true) => query.OrderByDescending(n => n.Status),
            (NumberSort.PurchasedAt, false) => query.OrderBy(n => n.PurchasedAt),
            (NumberSort.PurchasedAt, true) => query.OrderByDescending(n => n.PurchasedAt),
            (NumberSort.MonthlyPrice, false) => query.OrderBy(n => n.MonthlyPriceCents),
            (NumberSort.MonthlyPrice, true) => query.OrderByDescending(n => n.MonthlyPriceCents),
            (_, true) => query.OrderByDescending(n => n.E164),
            _ => query.OrderBy(n => n.E164),
        };

        return filter.Sort == NumberSort.E164
            ? (filter.Descending ? sorted.ThenByDescending(n => n.Id) : sorted.ThenBy(n => n.Id))
            : sorted.ThenBy(n => n.E164).ThenBy(n => n.Id);
    }

    private const string LikeEscape = "\\";

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its own wildcards taken literally.</summary>
    private static string Anywhere(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
