using System.Globalization;
using System.Linq.Expressions;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Numbers;

namespace AdminPortal.Application.Numbers;

/// <summary>
/// Positions in the numbers list for keyset paging in every sort: a cursor names a row by its sort key, number and id,
/// and which way the next page lies; <see cref="TryDecode"/> gives the predicates of the rows beyond it in the order read,
/// each of which an index seeks to whatever the depth.
/// </summary>
public static class NumberKeyset
{
    private const string Forwards = "n";
    private const string Backwards = "p";
    private const int Parts = 6;

    public static string After(NumberRowView row, NumberFilter filter) => Encode(row, filter, Forwards);

    public static string Before(NumberRowView row, NumberFilter filter) => Encode(row, filter, Backwards);

    private static string Encode(NumberRowView row, NumberFilter filter, string way) =>
        Cursor.Encode(filter.Sort.ToString(), filter.Descending ? "d" : "a", way, row.E164, row.Id, Key(row, filter.Sort));

    private static string Key(NumberRowView row, NumberSort sort) => sort switch
    {
        NumberSort.Label => row.Label,
        NumberSort.Country => row.CountryCode,
        NumberSort.Type => row.Type.ToString(),
        NumberSort.Status => row.Status.ToString(),
        NumberSort.PurchasedAt => row.PurchasedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        NumberSort.MonthlyPrice => row.MonthlyPrice.Cents.ToString(CultureInfo.InvariantCulture),
        _ => row.E164,
    };

    /// <summary>
    /// The rows beyond the cursor's row when the list is read in <paramref name="descending"/> order (the filter's order,
    /// reversed when <paramref name="backwards"/>): the rows of the first predicate in that order, then those of the next.
    /// A sort by a text, date or price has one; a sort by an enum one per value from the cursor's on, since an index is
    /// not read in order across a list of values (SQLite, PostgreSQL 15). False when the cursor is not one of this sort's.
    /// </summary>
    internal static bool TryDecode(string cursor, NumberFilter filter, out bool backwards, out bool descending, out IReadOnlyList<Expression<Func<PhoneNumber, bool>>> beyond)
    {
        (backwards, descending, beyond) = (false, false, []);
        if (!Cursor.TryDecode(cursor, Parts, out var parts)
            || parts[0] != filter.Sort.ToString() || parts[1] != (filter.Descending ? "d" : "a") || parts[2] is not (Forwards or Backwards)
            || !parts[3].StartsWith('+') || !parts[4].StartsWith(PhoneNumber.IdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        backwards = parts[2] == Backwards;
        descending = filter.Descending != backwards;
        var n = Expression.Parameter(typeof(PhoneNumber), "n");
        var read = new Direction(descending);
        var (e164, id, key) = (parts[3], parts[4], parts[5]);
        var number = Expression.Property(n, nameof(PhoneNumber.E164));
        var tie = Expression.OrElse(read.Beyond(number, e164), Expression.AndAlso(read.Same(number, e164), read.Beyond(Expression.Property(n, nameof(PhoneNumber.Id)), id)));
        var seek = Expression.AndAlso(read.AtOrBeyond(number, e164), tie);
        IReadOnlyList<Expression>? predicates = filter.Sort switch
        {
            // The first condition alone lets the database seek the index to the cursor; the rest picks the rows beyond it.
            NumberSort.E164 => [seek],
            NumberSort.Label => [read.Keyed(Expression.Property(n, nameof(PhoneNumber.Label)), key, tie)],
            NumberSort.Country => [read.Keyed(Expression.Property(n, nameof(PhoneNumber.CountryCode)), key, tie)],
            NumberSort.Type => Enum.TryParse<NumberType>(key, out var type) && Enum.IsDefined(type) ? read.Values(Expression.Property(n, nameof(PhoneNumber.Type)), type, seek) : null,
            NumberSort.Status => Enum.TryParse<NumberStatus>(key, out var status) && Enum.IsDefined(status) ? read.Values(Expression.Property(n, nameof(PhoneNumber.Status)), status, seek) : null,
            NumberSort.PurchasedAt => long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                ? [read.Keyed(Expression.Property(n, nameof(PhoneNumber.PurchasedAt)), new DateTime(ticks, DateTimeKind.Utc), tie)]
                : null,
            NumberSort.MonthlyPrice => long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents)
                ? [read.Keyed(Expression.Property(n, nameof(PhoneNumber.MonthlyPriceCents)), cents, tie)]
                : null,
            _ => null,
        };
        if (predicates is null)
        {
            return false;
        }

        beyond = [.. predicates.Select(body => Expression.Lambda<Func<PhoneNumber, bool>>(body, n))];
        return true;
    }

    /// <summary>
    /// Comparisons in the order the list is read. Values go in as parameters, so one query plan serves every cursor (enum
    /// names, a handful, as constants).
    /// </summary>
    private readonly record struct Direction(bool Descending)
    {
        private static readonly System.Reflection.MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

        public Expression Same(Expression member, string value) => Expression.Equal(member, Parameter(value));

        public Expression Beyond(Expression member, string value) =>
            Expression.MakeBinary(Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, Expression.Call(Compare, member, Parameter(value)), Expression.Constant(0));

        public Expression AtOrBeyond(Expression member, string value) =>
            Expression.MakeBinary(Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual, Expression.Call(Compare, member, Parameter(value)), Expression.Constant(0));

        /// <summary>key ≥ k AND (key > k OR (key = k AND tie)), each comparison in the order read.</summary>
        public Expression Keyed(Expression member, string key, Expression tie) =>
            Expression.AndAlso(AtOrBeyond(member, key), Expression.OrElse(Beyond(member, key), Expression.AndAlso(Same(member, key), tie)));

        public Expression Keyed<T>(Expression member, T key, Expression tie) where T : struct
        {
            var value = Parameter(key);
            return Expression.AndAlso(
                Expression.MakeBinary(Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual, member, value),
                Expression.OrElse(Expression.MakeBinary(Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan, member, value), Expression.AndAlso(Expression.Equal(member, value), tie)));
        }

        /// <summary>
        /// key = k AND seek (the number and id beyond the cursor's, with a bound the index seeks to), then each value beyond
        /// k in the order read: enums are stored by name, in ordinal order.
        /// </summary>
        public IReadOnlyList<Expression> Values<T>(Expression member, T key, Expression seek) where T : struct, Enum
        {
            var order = Descending ? -1 : 1;
            var after = Enum.GetValues<T>().Where(v => order * string.CompareOrdinal(v.ToString(), key.ToString()) > 0).OrderBy(v => v.ToString(), StringComparer.Ordinal);
            return [Expression.AndAlso(Expression.Equal(member, Expression.Constant(key)), seek), .. (Descending ? after.Reverse() : after).Select(v => Expression.Equal(member, Expression.Constant(v)))];
        }

        private static Expression Parameter<T>(T value) => Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));
    }

    private sealed record Box<T>(T Value);
}
