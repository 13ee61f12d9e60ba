using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Prometheus;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// Republishes the module's System.Diagnostics.Metrics instruments (meter "NetOpsPS.Sockets" and the others
/// whose name has the prefix) into one exporter's registry. Its own MeterListener rather than prometheus-net's
/// MeterAdapter, because the exposition must pass promtool's lint: counters get "_total", units become base
/// units in the name (ms histograms are observed in seconds), and observable instruments are read on scrape.
/// Values count from the moment the exporter starts: a MeterListener sees no measurement made before it.
/// </summary>
internal sealed class MeterBridge : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly IMetricFactory _factory;
    private readonly string _meterPrefix;

    public MeterBridge(CollectorRegistry registry, string meterPrefix)
    {
        _factory = Metrics.WithCustomRegistry(registry);
        _meterPrefix = meterPrefix;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.SetMeasurementEventCallback<long>(static (i, v, tags, state) => ((BridgedInstrument)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<int>(static (i, v, tags, state) => ((BridgedInstrument)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<short>(static (i, v, tags, state) => ((BridgedInstrument)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<byte>(static (i, v, tags, state) => ((BridgedInstrument)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<double>(static (i, v, tags, state) => ((BridgedInstrument)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<float>(static (i, v, tags, state) => ((BridgedInstrument)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (i, v, tags, state) => ((BridgedInstrument)state!).Record((double)v, tags));
        _listener.Start();

        // Observable instruments (breaker state...) are read when a scrape collects, not on a timer.
        registry.AddBeforeCollectCallback(_listener.RecordObservableInstruments);
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (instrument.Meter.Name.StartsWith(_meterPrefix, StringComparison.Ordinal))
        {
            listener.EnableMeasurementEvents(instrument, new BridgedInstrument(instrument, _factory));
        }
    }
}
