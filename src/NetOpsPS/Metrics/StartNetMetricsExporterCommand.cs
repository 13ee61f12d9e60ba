using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Internal;

namespace NetOpsPS.Metrics;

/// <summary>
/// Start-NetMetricsExporter: serves /metrics and /healthz for Prometheus: IF-MIB counters of SNMP targets
/// (from Find-SnmpDevice, inventory objects or names), per-target poll health, and the module's own metrics.
/// Targets are gathered from the whole pipeline; the exporter starts at the end and runs until
/// Stop-NetMetricsExporter, the runspace's end, or module removal.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "NetMetricsExporter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(MetricsExporter))]
public sealed class StartNetMetricsExporterCommand : NetOpsCmdlet
{
    private readonly List<SnmpTarget> _targets = new();

    /// <summary>Devices to poll: Find-SnmpDevice results, inventory objects (Hostname, Data.snmp_port), or "host[:port]".</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object[]? Target { get; set; }

    /// <summary>SNMPv1/v2c community for targets that carry no credential (names and inventory objects).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Community { get; set; } = "public";

    /// <summary>The version the community speaks: V2c (the default) or V1.</summary>
    [Parameter]
    [ValidateSet("V1", "V2c")]
    public SnmpVersion Version { get; set; } = SnmpVersion.V2c;

    /// <summary>An SNMPv3 user (New-SnmpCredential) for targets that carry no credential; replaces -Community.</summary>
    [Parameter]
    public SnmpCredential? Credential { get; set; }

    /// <summary>TCP port of the HTTP endpoint; 0 (the default) picks a free one.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Address the endpoint binds: 127.0.0.1 by default; 0.0.0.0 for every interface.</summary>
    [Parameter]
    [Alias("ListenAddress")]
    [ValidateNotNull]
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>A name for Get-/Stop-NetMetricsExporter.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Seconds between background polls; 0 (the default) polls when Prometheus scrapes.</summary>
    [Parameter]
    [ValidateRange(0.0, 86400.0)]
    public double PollIntervalSeconds { get; set; }

    /// <summary>When polling on scrape: seconds a poll's result answers further scrapes.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double CacheSeconds { get; set; } = 1;

    /// <summary>Seconds one target may take before it is marked down for that round.</summary>
    [Parameter]
    [ValidateRange(0.1, 600.0)]
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>Most targets polled at the same time.</summary>
    [Parameter]
    [ValidateRange(1, 10_000)]
    public int ThrottleLimit { get; set; } = 32;

    /// <summary>Leave out the module's own metrics (TCP/UDP/DNS servers, sessions, pools).</summary>
    [Parameter]
    public SwitchParameter ExcludeModuleMetrics { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (object item in Target ?? [])
        {
            try
            {
                _targets.Add(MetricsTargetInput.ToSnmpTarget(item, Credential ?? SnmpCredential.Community(Community, Version), RequestTimeout()));
            }
            catch (ArgumentException ex)
            {
                WriteError(new ErrorRecord(ex, "NetMetricsExporterInvalidTarget", ErrorCategory.InvalidArgument, item));
            }
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var endPoint = new IPEndPoint(Address, Port);
        if (!ShouldProcess($"{endPoint} ({_targets.Count} target(s))", "Start metrics exporter"))
        {
            return;
        }

        SnmpTarget[] unique = _targets.DistinctBy(t => t.ToString(), StringComparer.Ordinal).ToArray();
        var options = new MetricsExporterOptions
        {
            Address = Address,
            Port = Port,
            Name = Name,
            Targets = unique.Select(t => new MetricsTarget(t.ToString(), new SnmpInterfacePoller(t))).ToArray(),
            PollInterval = TimeSpan.FromSeconds(PollIntervalSeconds),
            CacheDuration = TimeSpan.FromSeconds(CacheSeconds),
            PollTimeout = TimeSpan.FromSeconds(TimeoutSeconds),
            MaxConcurrentPolls = ThrottleLimit,
            IncludeModuleMetrics = !ExcludeModuleMetrics,
        };

        MetricsExporter exporter;
        try
        {
            exporter = MetricsExporter.Start(options);
        }
        catch (HttpListenerException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "NetMetricsExporterBindFailed", ErrorCategory.ResourceUnavailable, endPoint));
            return;
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "NetMetricsExporterUnsupportedAddress", ErrorCategory.InvalidArgument, endPoint));
            return;
        }

        Registries.Exporters.Add(exporter);
        WriteVerbose($"{exporter.Name} (id {exporter.Id}) serving {exporter.Url} for {exporter.TargetCount} target(s), "
            + (options.PollInterval > TimeSpan.Zero ? $"polling every {PollIntervalSeconds} s." : "polling on scrape."));
        WriteObject(exporter);
    }

    // Each SNMP request gets part of the target's budget, so one retry still fits inside TimeoutSeconds.
    private TimeSpan RequestTimeout() => TimeSpan.FromSeconds(Math.Min(1.0, TimeoutSeconds / 2));
}
