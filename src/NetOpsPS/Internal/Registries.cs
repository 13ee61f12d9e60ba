using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Internal;

/// <summary>The module's registries of long-lived objects, one per kind.</summary>
internal static class Registries
{
    public static readonly RunspaceRegistry<TcpServer> Servers = new("TCP server", "TcpServerNotFound", s => s.Id, s => s.Name, s => s.StopAsync());

    public static readonly RunspaceRegistry<TcpClientSession> Sessions = new("TCP session", "TcpSessionNotFound", s => s.Id, s => s.Name, s => s.DisposeAsync().AsTask());
    public static readonly RunspaceRegistry<NetOpsPS.Sockets.DnsTools.DnsProxy> DnsProxies = new("DNS proxy", "DnsProxyNotFound", p => p.Id, p => p.Name, p => p.DisposeAsync().AsTask());
    public static readonly RunspaceRegistry<NetOpsPS.Sockets.Udp.UdpService> UdpServers = new("UDP server", "UdpServerNotFound", s => s.Id, s => s.Name, s => s.StopAsync());

    public static readonly RunspaceRegistry<NetOpsPS.Devices.Ssh.SshDeviceSession> DeviceSessions = new("SSH device session", "NetDeviceSessionNotFound", s => s.Id, s => s.Name, s => s.DisposeAsync().AsTask());

    public static readonly RunspaceRegistry<NetOpsPS.Devices.Netconf.NetconfSession> NetconfSessions = new("NETCONF session", "NetconfSessionNotFound", s => s.Id, s => s.Name, s => s.DisposeAsync().AsTask());

    public static readonly RunspaceRegistry<NetOpsPS.Devices.Exporter.MetricsExporter> Exporters = new("metrics exporter", "NetMetricsExporterNotFound", e => e.Id, e => e.Name, e => e.StopAsync());
}
