namespace AdminPortal.Web.Security;

/// <summary>The "Security" configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>How soon a locked-out, deleted or changed user loses a session: page loads, new and open circuits alike.</summary>
    public int RevalidationIntervalSeconds { get; set; } = 60;

    /// <summary>A session ends after this long without use.</summary>
    public int IdleTimeoutMinutes { get; set; } = 8 * 60;

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public int AbsoluteLifetimeHours { get; set; } = 12;

    /// <summary>Origins allowed to open the interactive connection (/_blazor); empty means the origin the portal is served on.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (IP addresses).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Failed sign-ins a client address may make in <see cref="ThrottleWindowMinutes"/>.</summary>
    public int SignInFailuresPerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins for one user name in <see cref="ThrottleWindowMinutes"/>, known user or not.</summary>
    public int SignInFailuresPerUser { get; set; } = 5;

    /// <summary>Calls with an unknown or revoked API key a client address may make in <see cref="ThrottleWindowMinutes"/>.</summary>
    public int ApiKeyFailuresPerAddress { get; set; } = 30;

    public int ThrottleWindowMinutes { get; set; } = 15;

    public TimeSpan RevalidationInterval => TimeSpan.FromSeconds(RevalidationIntervalSeconds);
}
