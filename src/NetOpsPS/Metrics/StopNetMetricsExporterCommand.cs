using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Internal;

namespace NetOpsPS.Metrics;

/// <summary>Stop-NetMetricsExporter: closes the HTTP endpoint, ends polling, and removes the exporter from the session.</summary>
[Cmdlet(VerbsLifecycle.Stop, "NetMetricsExporter", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MetricsExporter))]
public sealed class StopNetMetricsExporterCommand : RegistryStopCommand<MetricsExporter>
{
    /// <summary>Exporters from Start- or Get-NetMetricsExporter.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public MetricsExporter[]? InputObject { get; set; }

    /// <inheritdoc />
    private protected override RunspaceRegistry<MetricsExporter> Registry => Registries.Exporters;

    /// <inheritdoc />
    protected override IEnumerable<MetricsExporter>? Input => InputObject;

    /// <inheritdoc />
    protected override string Action => "Stop metrics exporter";

    /// <inheritdoc />
    protected override string Target(MetricsExporter exporter) => $"{exporter.Name} ({exporter.Url})";

    /// <inheritdoc />
    protected override void Stop(MetricsExporter exporter)
    {
        WriteVerbose($"Stopping {exporter.Name}: {exporter.Scrapes} scrape(s) served, {exporter.TargetCount} target(s).");
        Await(exporter.StopAsync(Cancellation));
    }
}
