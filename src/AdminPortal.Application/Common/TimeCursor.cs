using System.Globalization;

namespace AdminPortal.Application.Common;

/// <summary>
/// Cursors of lists ordered by a time and then an id (release requests, the audit trail): the position after the last item
/// shown, so items added or decided between two pages neither repeat nor push others past the next page.
/// </summary>
internal static class TimeCursor
{
    public static string Encode(string list, DateTime at, string id) =>
        Cursor.Encode(list, at.Ticks.ToString(CultureInfo.InvariantCulture), id);

    /// <summary>False for a cursor of another list, or one that was not issued.</summary>
    public static bool TryDecode(string list, string cursor, out DateTime at, out string id)
    {
        (at, id) = (default, string.Empty);
        if (!Cursor.TryDecode(cursor, 3, out var parts) || parts[0] != list
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        (at, id) = (new DateTime(ticks, DateTimeKind.Utc), parts[2]);
        return true;
    }
}
