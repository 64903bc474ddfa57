using AdminPortal.Application.Notifications;
using AdminPortal.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace AdminPortal.Web.Components.Layout;

/// <summary>
/// Tells this instance's open bells whose unread count may have changed: one poll of new notifications per instance,
/// whichever instance's worker added them, however many pages are open; and, at once, what a person marks read here.
/// </summary>
public sealed class NotificationFeed(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, ILogger<NotificationFeed> logger)
    : PollingService(TimeSpan.FromSeconds(options.Value.IntervalSeconds), logger)
{
    private long? _mark;

    /// <summary>Raised with the person whose count may have changed, or with null for everyone.</summary>
    public event Action<string?>? Changed;

    /// <summary>Reads what was added since the last read; true (and <see cref="Changed"/> raised) when anything was.</summary>
    public async Task<bool> CheckAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<NewNotifications>().HandleAsync(_mark, ct);
        _mark = added.Newest;
        if (added.More)
        {
            Changed?.Invoke(null);
            return true;
        }

        foreach (var userId in added.UserIds)
        {
            Changed?.Invoke(userId);
        }

        return added.UserIds.Count > 0;
    }

    /// <summary>The person read notifications: their other pages on this instance count again now.</summary>
    public void Read(string userId) => Changed?.Invoke(userId);

    protected override Task PollAsync(CancellationToken ct) => CheckAsync(ct);
}
