using System.Management.Automation;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Internal;

namespace NetOpsPS.Metrics;

/// <summary>Get-NetMetricsExporter: the exporters this session started, by id or name (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "NetMetricsExporter", DefaultParameterSetName = ByName)]
[OutputType(typeof(MetricsExporter))]
public sealed class GetNetMetricsExporterCommand : RegistryGetCommand<MetricsExporter>
{
    /// <inheritdoc />
    private protected override RunspaceRegistry<MetricsExporter> Registry => Registries.Exporters;
}
