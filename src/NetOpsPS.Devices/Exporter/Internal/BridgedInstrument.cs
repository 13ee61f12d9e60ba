using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Prometheus;

namespace NetOpsPS.Devices.Exporter.Internal;

/// <summary>
/// One System.Diagnostics.Metrics instrument as a Prometheus family. The family is made at the first measurement,
/// whose tag keys become the label names; a later measurement missing a key gets an empty value for it.
/// </summary>
internal sealed class BridgedInstrument
{
    private readonly Instrument _instrument;
    private readonly IMetricFactory _factory;
    private readonly object _gate = new();
    private readonly double _scale;
    private readonly string _name;
    private string[]? _labelNames;
    private Collector? _family;

    public BridgedInstrument(Instrument instrument, IMetricFactory factory)
    {
        _instrument = instrument;
        _factory = factory;
        (_name, _scale) = PrometheusName(instrument);
    }

    /// <summary>The family name this instrument is exported under (for tests and docs).</summary>
    public static (string Name, double Scale) PrometheusName(Instrument instrument)
    {
        string name = Sanitize(instrument.Name);
        (string unitSuffix, double scale) = instrument.Unit switch
        {
            "ms" => ("_seconds", 0.001),
            "us" => ("_seconds", 0.000001),
            "s" => ("_seconds", 1.0),
            "By" => ("_bytes", 1.0),
            _ => (string.Empty, 1.0),
        };
        if (unitSuffix.Length > 0 && !name.EndsWith(unitSuffix, StringComparison.Ordinal))
        {
            name += unitSuffix;
        }

        if (Kind(instrument) == InstrumentKind.Counter)
        {
            name += "_total";
        }

        return (name, scale);
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Collector family = Family(tags);
        string[] values = LabelValues(tags);
        value *= _scale;
        switch (family)
        {
            case Counter counter when IsObservable:
                counter.WithLabels(values).IncTo(value);
                break;
            case Counter counter:
                counter.WithLabels(values).Inc(Math.Max(0, value));
                break;
            case Gauge gauge when IsObservable:
                gauge.WithLabels(values).Set(value);
                break;
            case Gauge gauge:
                gauge.WithLabels(values).Inc(value);
                break;
            case Histogram histogram:
                histogram.WithLabels(values).Observe(value);
                break;
        }
    }

    // Observable instruments report totals or current values; Gauge<T> (.NET 9) records the value itself.
    private bool IsObservable => _instrument.IsObservable || _instrument.GetType().Name.StartsWith("Gauge", StringComparison.Ordinal);

    private Collector Family(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            if (_family is not null)
            {
                return _family;
            }

            var names = new List<string>(tags.Length);
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                string label = Sanitize(tag.Key);
                if (!names.Contains(label))
                {
                    names.Add(label);
                }
            }

            names.Sort(StringComparer.Ordinal);
            _labelNames = names.ToArray();
            string help = string.IsNullOrWhiteSpace(_instrument.Description) ? _instrument.Name : _instrument.Description;
            _family = Kind(_instrument) switch
            {
                InstrumentKind.Counter => _factory.CreateCounter(_name, help, _labelNames),
                InstrumentKind.Histogram => _factory.CreateHistogram(_name, help, _labelNames, new HistogramConfiguration
                {
                    // 100 us to ~100 s: heartbeat round trips and request latencies on LANs and WANs.
                    Buckets = Histogram.ExponentialBuckets(0.0001, 4, 11),
                }),
                _ => _factory.CreateGauge(_name, help, _labelNames),
            };
            return _family;
        }
    }

    private static InstrumentKind Kind(Instrument instrument)
    {
        string type = instrument.GetType().Name;
        if (type.StartsWith("Counter", StringComparison.Ordinal) || type.StartsWith("ObservableCounter", StringComparison.Ordinal))
        {
            return InstrumentKind.Counter;
        }

        return type.StartsWith("Histogram", StringComparison.Ordinal) ? InstrumentKind.Histogram : InstrumentKind.Gauge;
    }

    private string[] LabelValues(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string[] names = _labelNames!;
        var values = new string[names.Length];
        Array.Fill(values, string.Empty);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            int i = Array.IndexOf(names, Sanitize(tag.Key));
            if (i >= 0)
            {
                values[i] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        return values;
    }

    // Prometheus names: [a-zA-Z_:][a-zA-Z0-9_:]*; dots and dashes of OpenTelemetry names become underscores.
    internal static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }

    private enum InstrumentKind
    {
        Counter,
        Gauge,
        Histogram,
    }
}
