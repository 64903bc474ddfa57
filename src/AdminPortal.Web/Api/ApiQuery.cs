using System.Globalization;
using AdminPortal.Application.Common;
using AdminPortal.Domain.Common;

namespace AdminPortal.Web.Api;

/// <summary>Query parameters, refused with INVALID_PARAMETER rather than ignored when they make no sense.</summary>
internal static class ApiQuery
{
    public static Result<T?> Enum<T>(string name, string? value)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Result<T?>.Success(null);
        }

        var names = System.Enum.GetNames<T>();
        var match = names.FirstOrDefault(n => string.Equals(n, value.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? Result<T?>.Success(System.Enum.Parse<T>(match))
            : Invalid(name, $"'{value}' is not one of: {string.Join(", ", names.Select(Snake))}");
    }

    public static Result<int> Limit(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Paging.DefaultTake;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= Paging.MaxTake
            ? limit
            : Invalid("limit", $"must be a whole number from 1 to {Paging.MaxTake}");
    }

    public static Result<Paging> Offset(string? limit, string? cursor)
    {
        var take = Limit(limit);
        if (!take.IsSuccess)
        {
            return take.Error;
        }

        if (cursor is null)
        {
            return new Paging(Take: take.Value);
        }

        return Cursor.TryDecode(cursor, out var kind, out var offset) && kind == "offset" && int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
            ? new Paging(Skip: skip, Take: take.Value)
            : Errors.Cursor();
    }

    public static string? NextOffset<T>(Paging paging, Page<T> page) =>
        paging.Skip + page.Items.Count < page.TotalCount ? Cursor.Encode("offset", (paging.Skip + page.Items.Count).ToString(CultureInfo.InvariantCulture)) : null;

    public static string Snake(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static Error Invalid(string name, string problem) => new(
        Errors.InvalidParameter, $"The query parameter '{name}' {problem}", "Correct the parameter as the message says, or leave it out");
}
