using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace AdminPortal.Benchmarks.Circuits;

/// <summary>
/// Reads the portal process through the runtime's diagnostics port, as dotnet-gcdump and dotnet-counters do: a full
/// garbage collection on demand with the managed heap's size after it, and the portal's own meter readings.
/// </summary>
internal sealed class RuntimeProbe(int processId)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Asks for a heap collection (an induced, blocking gen 2 GC) and returns the managed heap size after it, in bytes.</summary>
    public async Task<long> CollectAsync()
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GCHeapCollect | ClrTraceEventParser.Keywords.GC);
        using var session = new DiagnosticsClient(processId).StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullCollection = false;
        source.Clr.GCStart += e => fullCollection |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (fullCollection)
            {
                heap.TrySetResult(e.TotalHeapSize);
            }
        };
        var reading = Task.Run(source.Process);
        try
        {
            return await heap.Task.WaitAsync(Patience);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
    }

    /// <summary>The current value of one of the portal's meter instruments (an up-down counter or gauge).</summary>
    public async Task<double> ReadAsync(string meter, string instrument)
    {
        var arguments = new Dictionary<string, string>
        {
            ["SessionId"] = Guid.NewGuid().ToString("N"),
            ["Metrics"] = $"{meter}\\{instrument}",
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "10",
            ["MaxHistograms"] = "10",
        };
        using var session = new DiagnosticsClient(processId).StartEventPipeSession(
            [new EventPipeProvider("System.Diagnostics.Metrics", EventLevel.Informational, 0x2, arguments)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var value = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Dynamic.All += e =>
        {
            if (e.ProviderName == "System.Diagnostics.Metrics" && e.EventName is "UpDownCounterRateValuePublished" or "GaugeValuePublished"
                && (string)e.PayloadByName("instrumentName") == instrument
                && double.TryParse((string)e.PayloadByName("value"), System.Globalization.CultureInfo.InvariantCulture, out var read))
            {
                value.TrySetResult(read);
            }
        };
        var reading = Task.Run(source.Process);
        try
        {
            return await value.Task.WaitAsync(Patience);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }
    }
}
