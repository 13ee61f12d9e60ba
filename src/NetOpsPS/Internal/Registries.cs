using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Internal;

/// <summary>The module's registries of long-lived objects, one per kind.</summary>
internal static class Registries
{
    public static readonly RunspaceRegistry<TcpServer> Servers = new(s => s.Id, s => s.StopAsync());

    public static readonly RunspaceRegistry<TcpClientSession> Sessions = new(s => s.Id, s => s.DisposeAsync().AsTask());
}
