using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NetOpsPS.Sockets;

namespace NetOpsPS.Internal;

/// <summary>
/// The module-scoped registry of running servers (DESIGN.md: long-lived engine objects live here,
/// never in $global:). Get-/Stop-TcpServer read it; module removal stops what is left.
/// </summary>
internal static class ServerRegistry
{
    private static readonly ConcurrentDictionary<int, TcpEchoServer> Servers = new();

    public static void Add(TcpEchoServer server) => Servers[server.Id] = server;

    public static bool Remove(TcpEchoServer server) => Servers.TryRemove(server.Id, out _);

    public static IReadOnlyList<TcpEchoServer> All => Servers.Values.OrderBy(s => s.Id).ToList();

    public static TcpEchoServer? Find(int id) => Servers.TryGetValue(id, out TcpEchoServer? server) ? server : null;

    /// <summary>Stops every registered server; used when the module is removed.</summary>
    public static void StopAll()
    {
        TcpEchoServer[] servers = Servers.Values.ToArray();
        Servers.Clear();
        Task.WaitAll(servers.Select(s => s.StopAsync()).ToArray(), TimeSpan.FromSeconds(15));
    }
}
