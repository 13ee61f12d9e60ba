using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Internal;

/// <summary>The module's registries of long-lived objects, one per kind.</summary>
internal static class Registries
{
    public static readonly RunspaceRegistry<TcpServer> Servers = new("TCP server", "TcpServerNotFound", s => s.Id, s => s.Name, s => s.StopAsync());

    public static readonly RunspaceRegistry<TcpClientSession> Sessions = new("TCP session", "TcpSessionNotFound", s => s.Id, s => s.Name, s => s.DisposeAsync().AsTask());

    public static readonly RunspaceRegistry<NetOpsPS.Devices.Ssh.SshDeviceSession> DeviceSessions = new("SSH device session", "NetDeviceSessionNotFound", s => s.Id, s => s.Name, s => s.DisposeAsync().AsTask());

    public static readonly RunspaceRegistry<NetOpsPS.Devices.Netconf.NetconfSession> NetconfSessions = new("NETCONF session", "NetconfSessionNotFound", s => s.Id, s => s.Name, s => s.DisposeAsync().AsTask());
}
