using System.Text;

namespace AdminPortal.Application.Common;

/// <summary>Opaque keyset cursors: the sort key and id of the last item of a page.</summary>
public static class Cursor
{
    public static string Encode(string key, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}\n{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? cursor, out string key, out string id)
    {
        key = id = string.Empty;
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            if (parts.Length != 2)
            {
                return false;
            }

            (key, id) = (parts[0], parts[1]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
