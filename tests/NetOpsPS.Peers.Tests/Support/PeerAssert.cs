using System.Globalization;
using System.Threading.Tasks;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests.Support;

internal static class PeerAssert
{
    /// <summary>
    /// Disposes the peer and checks with ps, not with the helper's own /proc reader, that no PID still runs.
    /// A zombie (state Z) counts as stopped: this host's PID 1 does not reap orphaned daemons.
    /// </summary>
    public static async Task DisposeAndAssertStoppedAsync(Peer peer)
    {
        Assert.NotEmpty(peer.Pids);
        await peer.DisposeAsync();
        foreach (var pid in peer.Pids)
        {
            var ps = await Tool.RunAsync(Clients.Ps, ["-o", "stat=", "-p", pid.ToString(CultureInfo.InvariantCulture)]);
            var state = ps.StandardOutput.Trim();
            Assert.True(state.Length == 0 || state.StartsWith('Z'), $"{peer.Name} pid {pid} still runs (state {state})");
        }
    }
}
