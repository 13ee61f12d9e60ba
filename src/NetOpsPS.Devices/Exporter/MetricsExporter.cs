using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter.Internal;
using Prometheus;

namespace NetOpsPS.Devices.Exporter;

/// <summary>
/// A Prometheus exporter: an HTTP endpoint serving /metrics (text exposition format 0.0.4, by prometheus-net)
/// and /healthz. It exports the IF-MIB counters of its targets, per-target poll health, and the module's own
/// System.Diagnostics.Metrics instruments. Each exporter has its own registry, so several can run at once.
/// </summary>
public sealed class MetricsExporter : IAsyncDisposable
{
    private static int s_lastId;

    private readonly CollectorRegistry _registry;
    private readonly PollScheduler _polls;
    private readonly MeterBridge? _bridge;
    private readonly HttpEndpoint _http;
    private int _state;

    private MetricsExporter(MetricsExporterOptions options, int id)
    {
        Id = id;
        Name = options.Name ?? $"exporter{id}";
        Address = options.Address;
        PollInterval = options.PollInterval;
        PollTimeout = options.PollTimeout;
        _registry = Metrics.NewCustomRegistry();
        IMetricFactory factory = Metrics.WithCustomRegistry(_registry);
        _polls = new PollScheduler(options, factory);
        _bridge = options.IncludeModuleMetrics ? new MeterBridge(_registry, options.MeterPrefix) : null;
        try
        {
            _http = HttpEndpoint.Start(options.Address, options.Port, WriteMetricsAsync, () => State == MetricsExporterState.Running);
        }
        catch
        {
            // Nothing polls yet (the scheduler starts below), so only the listener needs releasing.
            _bridge?.Dispose();
            throw;
        }

        _polls.Start();
        StartTime = DateTimeOffset.UtcNow;
    }

    public int Id { get; }

    public string Name { get; }

    public MetricsExporterState State => (MetricsExporterState)Volatile.Read(ref _state);

    public IPAddress Address { get; }

    public int Port => _http.Port;

    /// <summary>The scrape URL, http://address:port/metrics.</summary>
    public Uri Url => new(HttpEndpoint.Prefix(Reachable(Address), Port) + "metrics");

    /// <summary>Zero when targets are polled on scrape.</summary>
    public TimeSpan PollInterval { get; }

    public TimeSpan PollTimeout { get; }

    public DateTimeOffset StartTime { get; }

    /// <summary>/metrics requests answered.</summary>
    public long Scrapes => _http.Scrapes;

    public int TargetCount => _polls.Targets.Count;

    /// <summary>Targets whose last poll succeeded.</summary>
    public int TargetsUp => _polls.Targets.Count(t => t.IsUp);

    public IReadOnlyList<MetricsTargetStatus> Targets =>
        _polls.Targets.Select(t => new MetricsTargetStatus(t.Target.Name, t.IsUp, t.LastPoll, t.LastError)).ToArray();

    /// <summary>Binds the endpoint and starts polling (at once in interval mode, at the first scrape otherwise).</summary>
    /// <exception cref="HttpListenerException">The address or port cannot be bound.</exception>
    /// <exception cref="ArgumentException">Bad options, or an IPv6 address HttpListener cannot bind here.</exception>
    public static MetricsExporter Start(MetricsExporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new MetricsExporter(options, Interlocked.Increment(ref s_lastId));
    }

    /// <summary>Polls (scrape-driven mode) and writes the exposition text, exactly what /metrics serves.</summary>
    public async Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await _polls.BeforeScrapeAsync(cancellationToken).ConfigureAwait(false);
        await _registry.CollectAndExportAsTextAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops listening and polling; safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, (int)MetricsExporterState.Stopping, (int)MetricsExporterState.Running) != (int)MetricsExporterState.Running)
        {
            return;
        }

        await _http.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        await _polls.DisposeAsync().ConfigureAwait(false);
        _bridge?.Dispose();
        Volatile.Write(ref _state, (int)MetricsExporterState.Stopped);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public override string ToString() => $"{Name} {Url}";

    // Bound to every address: the URL names loopback, which is one of them and always reachable from here.
    private static IPAddress Reachable(IPAddress address) =>
        address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : address;
}
