using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Devices.Exporter;

/// <summary>How a <see cref="MetricsExporter"/> listens, which targets it polls, and when.</summary>
public sealed class MetricsExporterOptions
{
    /// <summary>Address the HTTP endpoint binds; loopback by default.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (see <see cref="MetricsExporter.Port"/> for the one chosen).</summary>
    public int Port { get; init; }

    /// <summary>A name for Get-/Stop-; made up from the id when null.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<MetricsTarget> Targets { get; init; } = Array.Empty<MetricsTarget>();

    /// <summary>
    /// Zero (the default): targets are polled when /metrics is scraped, and a result younger than
    /// <see cref="CacheDuration"/> is served again. Positive: a background loop polls at this interval and
    /// scrapes read the last results without waiting on any device.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.Zero;

    /// <summary>Scrape-driven mode: how long one poll's result answers further scrapes (several Prometheus servers).</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one target may take before it is marked down for this round.</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Most targets polled at the same time.</summary>
    public int MaxConcurrentPolls { get; init; } = 32;

    /// <summary>
    /// Also export the module's own System.Diagnostics.Metrics instruments (meters whose name starts with
    /// <see cref="MeterPrefix"/>: TCP/UDP/DNS servers, sessions, pools).
    /// </summary>
    public bool IncludeModuleMetrics { get; init; } = true;

    /// <summary>Which meters <see cref="IncludeModuleMetrics"/> bridges.</summary>
    public string MeterPrefix { get; init; } = "NetOpsPS.";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort);
        ArgumentNullException.ThrowIfNull(Targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(CacheDuration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentPolls, 1);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (MetricsTarget target in Targets)
        {
            if (!names.Add(target.Name))
            {
                throw new ArgumentException($"Two targets are named '{target.Name}'; the target label must be unique.", nameof(Targets));
            }
        }
    }
}
