namespace AdminPortal.Application.Common;

public static class Clock
{
    /// <summary>Now as a UTC <see cref="DateTime"/>, the form times are stored in.</summary>
    public static DateTime UtcNow(this TimeProvider time) => time.GetUtcNow().UtcDateTime;
}
