using AdminPortal.Infrastructure.Throttling;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Security;

/// <summary>
/// Counts failures, not attempts: failed sign-ins per client address and per user name (known or not, so that guessing
/// names costs as much as guessing passwords), and calls with a bad API key per address. Past the limit the client waits
/// for the window, counted in whole minutes, to move on. The counts are in the database, so several portal instances
/// share one limit rather than each granting its own.
/// A sign-in attempt is counted as failed before it is checked and given back when it succeeds: guesses sent at once
/// cannot all pass the limit before any of them is counted. A browser that signed in as the user before is limited on
/// its own instead of with the user name (<see cref="KnownDevices"/>).
/// </summary>
public sealed class SignInThrottle(WindowCounter counter, KnownDevices devices, IOptions<SecurityOptions> options)
{
    private readonly SecurityOptions _options = options.Value;

    public TimeSpan Window => TimeSpan.FromMinutes(_options.ThrottleWindowMinutes);

    /// <summary>
    /// Counts a failure of this address, and of this user name when there is one (a passkey names nobody), ahead of the
    /// check; null, with nothing counted, when either has failed too often already.
    /// </summary>
    public async Task<SignInAttempt?> BeginSignInAsync(HttpContext http, string? user)
    {
        List<(string Key, int Limit)> limits = [(ByAddress(http), _options.SignInFailuresPerAddress)];
        if (user is not null)
        {
            limits.Add((devices.Of(http, user) is { } device ? "sign-in/device/" + device : "sign-in/user/" + KnownDevices.UserName(user), _options.SignInFailuresPerUser));
        }

        List<string> counted = [];
        foreach (var (key, limit) in limits)
        {
            counted.Add(key);
            if (await counter.CountAsync(key, _options.ThrottleWindowMinutes, CancellationToken.None) > limit)
            {
                await GiveBackAsync(counted);
                return null;
            }
        }

        return new SignInAttempt(counted);
    }

    /// <summary>The attempt did not fail: its counts are taken back.</summary>
    public Task SucceededAsync(SignInAttempt attempt) => GiveBackAsync(attempt.Keys);

    public Task<bool> ApiKeyBlockedAsync(HttpContext http) => SpentAsync(BadKeysByAddress(http), _options.ApiKeyFailuresPerAddress, http);

    public Task ApiKeyFailedAsync(HttpContext http) => counter.CountAsync(BadKeysByAddress(http), _options.ThrottleWindowMinutes, CancellationToken.None);

    private async Task GiveBackAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await counter.UncountAsync(key, _options.ThrottleWindowMinutes, CancellationToken.None);
        }
    }

    private async Task<bool> SpentAsync(string key, int failures, HttpContext http) =>
        await counter.SumAsync(key, _options.ThrottleWindowMinutes, http.RequestAborted) >= failures;

    private static string ByAddress(HttpContext http) => "sign-in/address/" + Address(http);

    private static string BadKeysByAddress(HttpContext http) => "bad-api-key/address/" + Address(http);

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>A sign-in attempt counted as failed until it succeeds.</summary>
public sealed record SignInAttempt(IReadOnlyList<string> Keys);
