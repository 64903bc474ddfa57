using AdminPortal.Infrastructure.Throttling;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Security;

/// <summary>
/// Counts failures, not attempts: failed sign-ins per client address and per user name (known or not, so that guessing
/// names costs as much as guessing passwords), and calls with a bad API key per address. Past the limit the client waits
/// for the window, counted in whole minutes, to move on. The counts are in the database, so several portal instances
/// share one limit rather than each granting its own.
/// </summary>
public sealed class SignInThrottle(WindowCounter counter, IOptions<SecurityOptions> options)
{
    private const int MaxUserLength = 256;

    private readonly SecurityOptions _options = options.Value;

    public TimeSpan Window => TimeSpan.FromMinutes(_options.ThrottleWindowMinutes);

    /// <summary>Whether this address, or this user name when there is one (a passkey names nobody), has failed too often.</summary>
    public async Task<bool> SignInBlockedAsync(HttpContext http, string? user) =>
        await SpentAsync(ByAddress(http), _options.SignInFailuresPerAddress, http)
        || (user is not null && await SpentAsync(ByUser(user), _options.SignInFailuresPerUser, http));

    public async Task SignInFailedAsync(HttpContext http, string? user)
    {
        await counter.CountAsync(ByAddress(http), _options.ThrottleWindowMinutes, CancellationToken.None);
        if (user is not null)
        {
            await counter.CountAsync(ByUser(user), _options.ThrottleWindowMinutes, CancellationToken.None);
        }
    }

    public Task<bool> ApiKeyBlockedAsync(HttpContext http) => SpentAsync(BadKeysByAddress(http), _options.ApiKeyFailuresPerAddress, http);

    public Task ApiKeyFailedAsync(HttpContext http) => counter.CountAsync(BadKeysByAddress(http), _options.ThrottleWindowMinutes, CancellationToken.None);

    private async Task<bool> SpentAsync(string key, int failures, HttpContext http) =>
        await counter.SumAsync(key, _options.ThrottleWindowMinutes, http.RequestAborted) >= failures;

    private static string ByAddress(HttpContext http) => "sign-in/address/" + Address(http);

    private static string BadKeysByAddress(HttpContext http) => "bad-api-key/address/" + Address(http);

    private static string ByUser(string user)
    {
        var name = user.Trim().ToUpperInvariant();
        return "sign-in/user/" + (name.Length > MaxUserLength ? name[..MaxUserLength] : name);
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
