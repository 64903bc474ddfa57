using AdminPortal.Application.Audit;

namespace AdminPortal.Web.Components.Shared;

/// <summary>
/// Tells this instance's open pages that something changed anywhere, on this instance or another one sharing the
/// database: it polls the newest audit event id every <see cref="Interval"/>, one cheap query per instance however many
/// pages are open, and raises <see cref="Changed"/> when the id moves.
/// </summary>
public sealed partial class ChangeFeed(IServiceScopeFactory scopes, ILogger<ChangeFeed> logger) : BackgroundService
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The system clock on purpose: this paces a poll, it decides nothing about releases.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Reading the newest change failed; the next poll tries again")]
    private partial void LogFailed(Exception ex);
}
