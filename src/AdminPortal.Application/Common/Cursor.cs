using System.Text;

namespace AdminPortal.Application.Common;

/// <summary>Opaque keyset cursors: the sort keys of the item a page starts after (or ends before).</summary>
public static class Cursor
{
    public static string Encode(string key, string id) => Encode([key, id]);

    public static string Encode(params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\n', parts))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out string key, out string id)
    {
        (key, id) = (string.Empty, string.Empty);
        if (!TryDecode(cursor, 2, out var parts))
        {
            return false;
        }

        (key, id) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>The <paramref name="count"/> parts of a cursor; the last one may hold anything, line breaks included.</summary>
    public static bool TryDecode(string? cursor, int count, out string[] parts)
    {
        parts = [];
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n', count);
            return parts.Length == count;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
