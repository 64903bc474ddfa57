using AdminPortal.Application.Common;
using AdminPortal.Application.Releases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdminPortal.Infrastructure.Jobs;

/// <summary>
/// Releases the numbers approved for the end of their billing cycle when it comes, and returns numbers to inventory when
/// their cooling-off period ends. It keeps no state of its own: each pass asks the database what is due, so a restart
/// simply picks up where the last pass stopped. It also sweeps counter windows no throttle needs any more.
/// </summary>
internal sealed partial class ReturnToInventoryService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ReleaseOptions> options,
    ILogger<ReturnToInventoryService> logger) : BackgroundService
{
    /// <summary>Counter windows of throttles and API budgets are kept a day, far longer than any of their windows.</summary>
    private const int CounterWindowsKeptMinutes = 24 * 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ReturnToInventoryIntervalSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReleaseScheduled>().HandleAsync(stoppingToken);
                var returned = await scope.ServiceProvider.GetRequiredService<ReturnExpiredReleases>().HandleAsync(stoppingToken);
                if (returned > 0)
                {
                    LogReturned(returned);
                }

                await scope.ServiceProvider.GetRequiredService<Throttling.WindowCounter>().SweepAsync(CounterWindowsKeptMinutes, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Returned {Count} numbers to inventory")]
    private partial void LogReturned(int count);

    [LoggerMessage(LogLevel.Error, "Returning numbers to inventory failed; the next pass tries again")]
    private partial void LogFailed(Exception ex);
}
