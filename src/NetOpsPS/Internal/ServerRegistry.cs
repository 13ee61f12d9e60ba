using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Internal;

/// <summary>
/// The module-scoped registry of running servers (DESIGN.md: long-lived engine objects live here,
/// never in $global:). Like PowerShell's own job table it is kept per runspace: Get-TcpServer in
/// one runspace does not list another's servers, and when a runspace closes or removes the module
/// its servers stop, so nothing keeps listening after the session that started it is gone.
/// </summary>
internal static class ServerRegistry
{
    private static readonly ConcurrentDictionary<Guid, ConcurrentDictionary<int, TcpServer>> ByRunspace = new();
    private static readonly TimeSpan StopAllBound = TimeSpan.FromSeconds(15);

    public static void Add(TcpServer server)
    {
        Runspace runspace = Current;
        ConcurrentDictionary<int, TcpServer> servers = ByRunspace.GetOrAdd(runspace.InstanceId, _ =>
        {
            runspace.StateChanged += OnRunspaceStateChanged;
            return new ConcurrentDictionary<int, TcpServer>();
        });
        servers[server.Id] = server;
    }

    public static bool Remove(TcpServer server) => Servers.TryRemove(server.Id, out _);

    public static IReadOnlyList<TcpServer> All => Servers.Values.OrderBy(s => s.Id).ToList();

    public static TcpServer? Find(int id) => Servers.TryGetValue(id, out TcpServer? server) ? server : null;

    /// <summary>Stops every server of the current runspace; used when the module is removed.</summary>
    public static void StopAll()
    {
        if (Runspace.DefaultRunspace is { } runspace)
        {
            StopAll(runspace.InstanceId);
        }
    }

    private static ConcurrentDictionary<int, TcpServer> Servers =>
        ByRunspace.TryGetValue(Current.InstanceId, out ConcurrentDictionary<int, TcpServer>? servers)
            ? servers
            : new ConcurrentDictionary<int, TcpServer>();

    // Cmdlets run on their runspace's pipeline thread, where DefaultRunspace is that runspace.
    private static Runspace Current => Runspace.DefaultRunspace
        ?? throw new InvalidOperationException("NetOpsPS cmdlets must run in a PowerShell runspace.");

    private static void OnRunspaceStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        if (sender is Runspace runspace && e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken)
        {
            runspace.StateChanged -= OnRunspaceStateChanged;
            StopAll(runspace.InstanceId);
        }
    }

    private static void StopAll(Guid runspaceId)
    {
        if (!ByRunspace.TryRemove(runspaceId, out ConcurrentDictionary<int, TcpServer>? servers))
        {
            return;
        }

        Task[] stops = servers.Values.Select(s => s.StopAsync()).ToArray();
        Task.WaitAll(stops, StopAllBound);
    }
}
