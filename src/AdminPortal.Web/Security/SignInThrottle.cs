using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Security;

/// <summary>
/// Counts failures, not attempts: failed sign-ins per client address and per user name (known or not, so that guessing
/// names costs as much as guessing passwords), and calls with a bad API key per address. Past the limit the client waits
/// for the sliding window to move on.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private const int MaxKeyLength = 256;

    private readonly PartitionedRateLimiter<string> _signInsByAddress;
    private readonly PartitionedRateLimiter<string> _signInsByUser;
    private readonly PartitionedRateLimiter<string> _apiKeysByAddress;

    public SignInThrottle(IOptions<SecurityOptions> options)
    {
        Window = TimeSpan.FromMinutes(options.Value.ThrottleWindowMinutes);
        _signInsByAddress = Limiter(options.Value.SignInFailuresPerAddress);
        _signInsByUser = Limiter(options.Value.SignInFailuresPerUser);
        _apiKeysByAddress = Limiter(options.Value.ApiKeyFailuresPerAddress);
    }

    public TimeSpan Window { get; }

    /// <summary>Whether this address, or this user name when there is one (a passkey names nobody), has failed too often.</summary>
    public bool SignInBlocked(HttpContext http, string? user) =>
        Exhausted(_signInsByAddress, Address(http)) || (user is not null && Exhausted(_signInsByUser, User(user)));

    public void SignInFailed(HttpContext http, string? user)
    {
        Take(_signInsByAddress, Address(http));
        if (user is not null)
        {
            Take(_signInsByUser, User(user));
        }
    }

    public bool ApiKeyBlocked(HttpContext http) => Exhausted(_apiKeysByAddress, Address(http));

    public void ApiKeyFailed(HttpContext http) => Take(_apiKeysByAddress, Address(http));

    public void Dispose()
    {
        _signInsByAddress.Dispose();
        _signInsByUser.Dispose();
        _apiKeysByAddress.Dispose();
    }

    private PartitionedRateLimiter<string> Limiter(int failures) => PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(
        key, _ => new SlidingWindowRateLimiterOptions { PermitLimit = failures, Window = Window, SegmentsPerWindow = 15, QueueLimit = 0 }));

    private static bool Exhausted(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key, 0);
        return !lease.IsAcquired;
    }

    private static void Take(PartitionedRateLimiter<string> limiter, string key) => limiter.AttemptAcquire(key).Dispose();

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string User(string user)
    {
        var name = user.Trim().ToUpperInvariant();
        return name.Length > MaxKeyLength ? name[..MaxKeyLength] : name;
    }
}
