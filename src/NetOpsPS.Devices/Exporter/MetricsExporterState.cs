namespace NetOpsPS.Devices.Exporter;

/// <summary>Lifecycle of a <see cref="MetricsExporter"/>.</summary>
public enum MetricsExporterState
{
    Running,
    Stopping,
    Stopped,
}
