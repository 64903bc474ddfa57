using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdminPortal.Infrastructure.Jobs;

/// <summary>
/// Runs <see cref="PollAsync"/> at start and then every <paramref name="interval"/> of the system clock: the pace of a
/// poll, which decides nothing about releases (those jobs take the injected clock). A failed poll is logged and the
/// next one tries again.
/// </summary>
public abstract partial class PollingService(TimeSpan interval, ILogger logger) : BackgroundService
{
    protected abstract Task PollAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, GetType().Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "{Poll} failed; the next poll tries again")]
    private static partial void LogFailed(ILogger logger, string poll, Exception ex);
}
