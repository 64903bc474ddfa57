using System.Diagnostics.Metrics;
using AdminPortal.Infrastructure.Observability;
using AdminPortal.Testing;
using AdminPortal.Web.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace AdminPortal.Web.Tests.Observability;

public sealed class CircuitMetricsTests
{
    [Fact]
    public async Task Open_circuits_are_counted_up_when_a_circuit_opens_and_down_when_it_closes()
    {
        await using var services = new ServiceCollection().AddMetrics().AddSingleton<PortalMetrics>().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var metrics = services.GetRequiredService<PortalMetrics>();
        var first = new PortalTelemetry.CircuitMetrics(metrics);
        var second = new PortalTelemetry.CircuitMetrics(metrics);

        // The handler reads nothing of the circuit itself.
        await first.OnCircuitOpenedAsync(null!, TestContext.Current.CancellationToken);
        await second.OnCircuitOpenedAsync(null!, TestContext.Current.CancellationToken);
        Assert.Equal(2, MeterReadings.Read(factory, PortalMetrics.MeterName)["adminportal.circuits.open"]);

        await first.OnCircuitClosedAsync(null!, TestContext.Current.CancellationToken);
        Assert.Equal(1, MeterReadings.Read(factory, PortalMetrics.MeterName)["adminportal.circuits.open"]);
    }
}
