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

    /// <summary>
    /// Searches matching at most this many numbers of the platform are found through the text index; for a search matching
    /// more, the index's first this many tell whether the count exceeds <see cref="SearchCountLimit"/>.
    /// </summary>
    internal int TextIndexLimit { get; init; } = 2_000;

    /// <summary>
    /// A status filter with a sort by purchase date or price: a status with at most this many numbers in the list is read
    /// from the status's index alone, which holds the sort keys, and sorted (about 0.5 µs a number); one with more is looked
    /// for along the sort's index.
    /// </summary>
    internal int SortedStatusLimit { get; init; } = 25_000;

    /// <summary>How many numbers the walk along the sort's index reads at most before the status's numbers are sorted instead.</summary>
    internal int WalkBudget { get; init; } = 5_000;

    public async Task<Result<Page<NumberRowView>>> HandleAsync(Actor actor, NumberFilter filter, Paging paging, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var narrowed = await (await db.ReachAsync(actor, ct)).NarrowAsync(filter.AccountId, ct);
        if (!narrowed.IsSuccess)
        {
            return narrowed.Error;
        }

        if (Invalid(filter) is { } invalid)
        {
            return invalid;
        }

        var reach = narrowed.Value;
        var (backwards, descending, beyond) = (false, filter.Descending, (IReadOnlyList<Expression<Func<PhoneNumber, bool>>>)[]);
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
        var found = search is null ? null : await db.NumbersContainingAsync(search.Text, search.Digits, TextIndexLimit, ct);
        var source = found is { All: true } ? found.Numbers : null;
        var query = (source is null ? Searched(Filtered(reach.Numbers, filter), search) : Filtered(reach.Within(source), filter)).AsNoTracking();

        var (limit, skip) = (paging.Limit, beyond.Count == 0 && !paging.FromEnd ? paging.Skip : 0);
        var (total, capped, leading) = (default(int?), false, default(List<string>));
        if (paging.WithTotal && search is null)
        {
            total = (int)await Filtered(reach.NumberTallies, filter).SumAsync(t => t.Count, ct);
        }
        else if (paging.WithTotal && found is { All: false } && await Searched(Filtered(reach.Within(found.Numbers), filter), search).Take(SearchCountLimit + 1).CountAsync(ct) > SearchCountLimit)
        {
            // Enough of the text index's first matches are in the list to say "more than": no scan needs to count them.
            (total, capped) = (SearchCountLimit, true);
        }
        else if (paging.WithTotal && filter is { Sort: NumberSort.E164, Descending: false } && beyond.Count == 0 && skip == 0 && !paging.FromEnd)
        {
            // A search's first page in number order is the start of what its count reads: one query gives both.
            leading = await Matches(query).Select(n => n.Id).ToListAsync(ct);
            (total, capped) = leading.Count > SearchCountLimit ? (SearchCountLimit, true) : (leading.Count, false);
        }
        else if (paging.WithTotal)
        {
            var count = await Matches(query).CountAsync(ct);
            (total, capped) = count > SearchCountLimit ? (SearchCountLimit, true) : (count, false);
        }

        // The page is chosen on the sort keys alone, which an index holds, and only its rows are then read in full
        // with their agent counts: sorting or skipping whole rows would read every row of the account. (Beyond serves the
        // sorts by label, date and price, which have one predicate beyond a cursor.)
        IQueryable<PhoneNumber> Beyond(IQueryable<PhoneNumber> numbers) => beyond.Count == 0 ? numbers : numbers.Where(beyond.Single());
        Task<List<NumberRowView>> PageAsync(IQueryable<PhoneNumber> numbers) => RowsAsync(
            Sorted(numbers, filter.Sort, descending).Skip(skip).Take(limit + 1).Select(n => n.Id).Join(db.PhoneNumbers.AsNoTracking(), id => id, n => n.Id, (_, n) => n), filter.Sort, descending, ct);

        List<NumberRowView>? rows = null;
        if (leading is not null)
        {
            var first = leading.Take(limit + 1).ToList();
            rows = await RowsAsync(db.PhoneNumbers.AsNoTracking().Where(n => first.Contains(n.Id)), filter.Sort, descending, ct);
        }
        else if (search is null && filter.Status is { } status && filter.Sort is NumberSort.Label or NumberSort.PurchasedAt or NumberSort.MonthlyPrice
            && !(reach.AccountIds is null && filter.Sort == NumberSort.MonthlyPrice))
        {
            // The sort's index holds no status, and how a status spreads along it is unknown: a walk finds a common one
            // soon but may read most of the list for a rare or bunched one (old numbers are released more). So a status
            // with few numbers is read through its own index and sorted; one with many, or any by label (free text, seldom
            // in step with a status), is walked for a bounded stretch, then sorted when that falls short. (Staff's status by
            // price, over every account, has an index of its own that orders it outright.)
            var walkable = skip + limit + 1 <= WalkBudget;
            if (walkable && (filter.Sort == NumberSort.Label || (total ?? (int)await Filtered(reach.NumberTallies, filter).SumAsync(t => t.Count, ct)) > SortedStatusLimit))
            {
                var along = Sorted(Beyond(Narrowed(reach.Numbers, filter).AsNoTracking()), filter.Sort, descending);
                rows = await PageAsync(along.Take(WalkBudget).Where(n => n.Status == status));
            }

            // The limit keeps the database from merging the two queries, so it reads the status's index in number order.
            rows = rows?.Count > limit ? rows : await PageAsync(Beyond(Sorted(query, NumberSort.E164, false).Take(int.MaxValue)));
        }

        if (rows is null && beyond.Count == 0)
        {
            rows = await PageAsync(query);
        }
        else if (rows is null)
        {
            // One statement per part: a number whose value changes between two of them must not show twice.
            rows = [];
            foreach (var part in beyond.TakeWhile(_ => rows.Count <= limit))
            {
                rows.AddRange((await PageAsync(query.Where(part))).ExceptBy(rows.Select(r => r.Id), r => r.Id));
            }
        }

        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveRange(limit, rows.Count - limit);
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

    private static Task<List<NumberRowView>> RowsAsync(IQueryable<PhoneNumber> page, NumberSort sort, bool descending, CancellationToken ct) =>
        Sorted(page, sort, descending)
            .Select(n => new NumberRowView(
                n.Id, n.AccountId, n.E164, n.Label, n.CountryCode, n.Type, n.Status, new Money(n.MonthlyPriceCents),
                n.PurchasedAt, n.NextBillingAt, n.A2pStatus, n.Agents.Count))
            .ToListAsync(ct);

    /// <summary>
    /// The numbers a search's scan matches. Also applied to the text index's first matches before they count for the scan:
    /// that index folds the case of every letter, SQLite's LIKE only of A to Z, so a match of one may not be one of the other.
    /// LIKE on folded text rather than Contains: what a trigram index (PostgreSQL) answers, and only this search (see
    /// PostgresSql.CreateSearchIndexes).
    /// </summary>
    private static IQueryable<PhoneNumber> Searched(IQueryable<PhoneNumber> numbers, SearchText? search)
    {
        if (search is null)
        {
            return numbers;
        }

        var (label, inNumber) = (SearchText.Anywhere(search.Lower), SearchText.Anywhere(search.Digits ?? string.Empty));
        return search.Digits is not null
            ? numbers.Where(n => EF.Functions.Like(TextSearch.Fold(n.E164), inNumber, SearchText.LikeEscape) || EF.Functions.Like(TextSearch.Fold(n.Label), label, SearchText.LikeEscape))
            : numbers.Where(n => EF.Functions.Like(TextSearch.Fold(n.Label), label, SearchText.LikeEscape));
    }

    /// <summary>
    /// A search's matches as far as its count goes. In number order, as the list reads: matches of a common term are then
    /// spread evenly rather than bunched at the end of whichever index the database would pick (labels in label order),
    /// and the count stops early.
    /// </summary>
    private static IQueryable<PhoneNumber> Matches(IQueryable<PhoneNumber> query) =>
        query.OrderBy(n => n.E164).ThenBy(n => n.Id).Take(SearchCountLimit + 1);

    private static IQueryable<PhoneNumber> Filtered(IQueryable<PhoneNumber> query, NumberFilter filter)
    {
        query = filter.Status is { } status ? query.Where(n => n.Status == status) : query.Where(n => n.Status != NumberStatus.Returned);
        return Narrowed(query, filter);
    }

    /// <summary>The filters but the status's.</summary>
    private static IQueryable<PhoneNumber> Narrowed(IQueryable<PhoneNumber> query, NumberFilter filter)
    {
        query = filter.Type is { } type ? query.Where(n => n.Type == type) : query;
        return Country(filter) is { } country ? query.Where(n => n.CountryCode == country) : query;
    }

    private static IQueryable<NumberTally> Filtered(IQueryable<NumberTally> tallies, NumberFilter filter)
    {
        tallies = filter.Status is { } status ? tallies.Where(t => t.Status == status) : tallies.Where(t => t.Status != NumberStatus.Returned);
        tallies = filter.Type is { } type ? tallies.Where(t => t.Type == type) : tallies;
        return Country(filter) is { } country ? tallies.Where(t => t.CountryCode == country) : tallies;
    }

    /// <summary>
    /// A country is two letters (ISO 3166); a search longer than any label, or with a control character in it (NUL, a line
    /// break), matches nothing a person means.
    /// </summary>
    private static Error? Invalid(NumberFilter filter) => (Country(filter), filter.Search?.Trim()) switch
    {
        ({ } country, _) when country.Length != 2 || !country.All(char.IsAsciiLetterUpper) =>
            new Error(Errors.InvalidParameter, "The country must be a two-letter country code", "Use a code such as US or GB, or leave the country out"),
        (_, { Length: > PhoneNumber.LabelMaxLength }) =>
            new Error(Errors.InvalidParameter, $"The search is longer than {PhoneNumber.LabelMaxLength} characters", "Search for part of a number or of a label"),
        (_, { } search) when search.Any(char.IsControl) =>
            new Error(Errors.InvalidParameter, "The search contains a control character", "Search for part of a number or of a label in letters, digits and spaces"),
        _ => null,
    };

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
