using AdminPortal.Infrastructure.Observability;
using AdminPortal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdminPortal.Web.Observability;

/// <summary>Where the telemetry goes: <c>Telemetry:Exporter</c>.</summary>
public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}

public static class PortalTelemetry
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    /// <summary>
    /// Health checks, and OpenTelemetry metrics (ASP.NET Core's, the HTTP client's, the runtime's and the portal's own) and
    /// traces, exported to the console (the default in Development), to an OTLP collector at <c>Telemetry:OtlpEndpoint</c>,
    /// or nowhere.
    /// </summary>
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: [ReadyTag]);
        services.AddScoped<CircuitHandler, CircuitMetrics>();

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("AdminPortal"))
            .WithMetrics(metrics => metrics
                .AddMeter(PortalMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());
        switch (configuration.GetValue("Telemetry:Exporter", TelemetryExporter.None))
        {
            case TelemetryExporter.Console:
                // Once a minute: the demo's console stays readable between the metric dumps.
                telemetry.WithMetrics(metrics => metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000))
                    .WithTracing(tracing => tracing.AddConsoleExporter());
                break;
            case TelemetryExporter.Otlp:
                var endpoint = configuration["Telemetry:OtlpEndpoint"];
                telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(string.IsNullOrWhiteSpace(endpoint) ? "http://localhost:4317" : endpoint));
                break;
        }

        return services;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: and its database does, so a load balancer sends it
    /// traffic. Plain "Healthy" or "Unhealthy", 200 or 503, to anyone: they say nothing else. They are read, so only GET
    /// and HEAD answer; another method is 405 with Allow.
    /// </summary>
    public static void MapPortalHealth(this IEndpointRouteBuilder app)
    {
        var reads = new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(reads);
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous().WithMetadata(reads);
        foreach (var path in new[] { LivePath, ReadyPath })
        {
            // Answered here with a body: routing's own 405 has none, and the pages' not-found page would take it over.
            app.Map(path, (HttpContext http) =>
            {
                http.Response.Headers.Allow = "GET, HEAD";
                return Results.Text("Health probes answer GET and HEAD", statusCode: StatusCodes.Status405MethodNotAllowed);
            }).WithOrder(1).AllowAnonymous().ExcludeFromDescription();
        }
    }

    /// <summary>Counts this instance's open circuits for <c>adminportal.circuits.open</c>.</summary>
    internal sealed class CircuitMetrics(PortalMetrics metrics) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            metrics.CircuitOpened();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            metrics.CircuitClosed();
            return Task.CompletedTask;
        }
    }
}
