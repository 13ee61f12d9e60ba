using System.Management.Automation;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Internal;

namespace NetOpsPS.Metrics;

/// <summary>Get-NetMetricsExporter: the exporters this session started, by id or name (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "NetMetricsExporter", DefaultParameterSetName = ByName)]
[OutputType(typeof(MetricsExporter))]
public sealed class GetNetMetricsExporterCommand : NetOpsCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Names to match; wildcards allowed. All exporters when omitted.</summary>
    [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Exporter ids.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int[]? Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (MetricsExporter exporter in Registries.Exporters.Select(this, Name, Id))
        {
            WriteObject(exporter);
        }
    }
}
