using System.Diagnostics.Metrics;
using AdminPortal.Application.Dashboard;

namespace AdminPortal.Infrastructure.Observability;

/// <summary>
/// The portal's own meter, beside ASP.NET Core's: the release flow of the whole platform (sampled from the database by
/// <see cref="Jobs.QueueSampler"/>) and the interactive sessions this instance holds.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "AdminPortal";

    private QueueMeasure _queue = new(0, TimeSpan.Zero, 0, 0);
    private long _circuits;

    public PortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("adminportal.requests.pending", () => Queue.Pending, "{request}", "Release requests waiting for a reviewer, in every account");
        meter.CreateObservableGauge("adminportal.requests.oldest_pending_age", () => Queue.OldestPendingAge.TotalSeconds, "s", "How long the oldest pending release request has waited");
        meter.CreateObservableGauge("adminportal.decisions.per_minute", () => Queue.DecisionsLastMinute, "{decision}/min", "Approvals and rejections in the last minute, by every instance");
        meter.CreateObservableUpDownCounter("adminportal.circuits.open", () => Interlocked.Read(ref _circuits), "{circuit}", "Interactive sessions (Blazor circuits) open on this instance");
        meter.CreateObservableGauge("adminportal.returns.per_minute", () => Queue.ReturnsLastMinute, "{number}/min", "Numbers returned to inventory in the last minute, by every instance");
    }

    /// <summary>The latest sample of the queue.</summary>
    public QueueMeasure Queue => Volatile.Read(ref _queue);

    public void Record(QueueMeasure queue) => Volatile.Write(ref _queue, queue);

    public void CircuitOpened() => Interlocked.Increment(ref _circuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);
}
