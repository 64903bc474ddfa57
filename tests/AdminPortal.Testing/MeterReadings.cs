using System.Diagnostics.Metrics;

namespace AdminPortal.Testing;

/// <summary>What the instruments of one meter factory (one portal host) report now, by instrument name.</summary>
public static class MeterReadings
{
    public static IReadOnlyDictionary<string, double> Read(IMeterFactory factory, string meterName)
    {
        var values = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            // Every host in the test process has a meter of this name: only this factory's count.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => values[instrument.Name] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
