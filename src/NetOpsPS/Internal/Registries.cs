using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Internal;

/// <summary>The module's registries of long-lived objects, one per kind.</summary>
internal static class Registries
{
    public static readonly RunspaceRegistry<TcpServer> Servers = new("TCP server", "TcpServerNotFound", s => s.Id, s => s.Name, s => s.StopAsync());

    public static readonly RunspaceRegistry<TcpClientSession> Sessions = new("TCP session", "TcpSessionNotFound", s => s.Id, s => s.Name, s => s.DisposeAsync().AsTask());

    public static readonly RunspaceRegistry<NetOpsPS.Devices.Exporter.MetricsExporter> Exporters = new("metrics exporter", "NetMetricsExporterNotFound", e => e.Id, e => e.Name, e => e.StopAsync());
}
