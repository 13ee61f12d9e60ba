using System.Threading.Tasks;
using NetOpsPS.Peers.Tests.Support;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests;

public sealed class SnmpdPeerTests
{
    private const string SysName = ".1.3.6.1.2.1.1.5.0";

    [Fact]
    public async Task Snmpd_answers_snmpget_v2c_and_v3_authPriv_and_stops_on_dispose()
    {
        await using var peer = Peer.StartSnmpd();
        var agent = $"127.0.0.1:{peer.Port}";

        var v2c = await Tool.RunAsync(Clients.SnmpGet, ["-v2c", "-c", "public", "-On", agent, SysName]);
        Assert.True(v2c.ExitCode == 0, v2c.ToString());
        Assert.Contains("STRING: \"peers-snmpd\"", v2c.StandardOutput);

        var v3 = await Tool.RunAsync(
            Clients.SnmpGet,
            ["-v3", "-l", "authPriv", "-u", "usr-sha256-aes", "-a", "SHA-256", "-A", "authpass-sha256",
             "-x", "AES", "-X", "privpass-aes128", "-On", agent, SysName]);
        Assert.True(v3.ExitCode == 0, v3.ToString());
        Assert.Contains("STRING: \"peers-snmpd\"", v3.StandardOutput);

        await PeerAssert.DisposeAndAssertStoppedAsync(peer);
    }
}
