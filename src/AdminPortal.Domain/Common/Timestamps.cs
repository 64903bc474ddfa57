using System.Globalization;

namespace AdminPortal.Domain.Common;

/// <summary>How times read in messages and pages, the same whatever the server's culture.</summary>
public static class Timestamps
{
    public static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
