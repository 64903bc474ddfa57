using AdminPortal.Application.Dashboard;
using AdminPortal.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdminPortal.Infrastructure.Jobs;

/// <summary>Samples the review queue for the metrics every <see cref="Interval"/>: three cheap queries, whatever reads the metrics how often.</summary>
public sealed partial class QueueSampler(IServiceScopeFactory scopes, PortalMetrics metrics, ILogger<QueueSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public async Task SampleAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        metrics.Record(await scope.ServiceProvider.GetRequiredService<MeasureQueue>().HandleAsync(ct));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The system clock on purpose: this paces a sample, it decides nothing about releases.
        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Sampling the review queue for the metrics failed; the next sample tries again")]
    private partial void LogFailed(Exception ex);
}
