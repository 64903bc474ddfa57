using AdminPortal.Application.Dashboard;
using AdminPortal.Infrastructure.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdminPortal.Infrastructure.Jobs;

/// <summary>Samples the release flow for the metrics every <see cref="Interval"/>: a few cheap queries, whatever reads the metrics how often.</summary>
public sealed class QueueSampler(IServiceScopeFactory scopes, PortalMetrics metrics, ILogger<QueueSampler> logger) : PollingService(Interval, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public async Task SampleAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        metrics.Record(await scope.ServiceProvider.GetRequiredService<MeasureQueue>().HandleAsync(ct));
    }

    protected override Task PollAsync(CancellationToken ct) => SampleAsync(ct);
}
