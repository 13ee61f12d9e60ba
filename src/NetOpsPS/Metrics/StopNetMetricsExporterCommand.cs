using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Internal;

namespace NetOpsPS.Metrics;

/// <summary>Stop-NetMetricsExporter: closes the HTTP endpoint, ends polling, and removes the exporter from the session.</summary>
[Cmdlet(VerbsLifecycle.Stop, "NetMetricsExporter", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MetricsExporter))]
public sealed class StopNetMetricsExporterCommand : NetOpsCmdlet
{
    private const string ByInputObject = "ByInputObject";
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Exporters from Start- or Get-NetMetricsExporter.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public MetricsExporter[]? InputObject { get; set; }

    /// <summary>Names of exporters to stop; wildcards allowed.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Ids of exporters to stop.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public int[]? Id { get; set; }

    /// <summary>Write each stopped exporter to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        IEnumerable<MetricsExporter> exporters = InputObject ?? Registries.Exporters.Select(this, Name, Id);
        foreach (MetricsExporter exporter in exporters)
        {
            if (!ShouldProcess($"{exporter.Name} ({exporter.Url})", "Stop metrics exporter"))
            {
                continue;
            }

            WriteVerbose($"Stopping {exporter.Name}: {exporter.Scrapes} scrape(s) served, {exporter.TargetCount} target(s).");
            Await(exporter.StopAsync(Cancellation));
            Registries.Exporters.Remove(exporter);
            if (PassThru)
            {
                WriteObject(exporter);
            }
        }
    }
}
