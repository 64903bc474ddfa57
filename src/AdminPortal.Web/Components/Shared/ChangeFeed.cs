using AdminPortal.Application.Audit;
using AdminPortal.Infrastructure.Jobs;

namespace AdminPortal.Web.Components.Shared;

/// <summary>
/// Tells this instance's open pages that something changed anywhere, on this instance or another one sharing the
/// database: it polls the newest audit event id every <see cref="Interval"/>, one cheap query per instance however many
/// pages are open, and raises <see cref="Changed"/> when the id moves.
/// </summary>
public sealed class ChangeFeed(IServiceScopeFactory scopes, ILogger<ChangeFeed> logger) : PollingService(Interval, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private long? _mark;

    public event Action? Changed;

    /// <summary>Reads the newest change once; true (and <see cref="Changed"/> raised) when it moved since the last read.</summary>
    public async Task<bool> CheckAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var latest = await scope.ServiceProvider.GetRequiredService<LatestChange>().HandleAsync(ct);
        var moved = _mark is { } mark && latest != mark;
        _mark = latest;
        if (moved)
        {
            Changed?.Invoke();
        }

        return moved;
    }

    protected override Task PollAsync(CancellationToken ct) => CheckAsync(ct);
}
