using System.Globalization;
using System.Threading.Tasks;
using NetOpsPS.Peers.Tests.Support;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Peers.Tests;

public sealed class DnsPeerTests
{
    [Theory]
    [InlineData("dnsmasq")]
    [InlineData("unbound")]
    public async Task Dns_server_answers_dig_for_www_test_example_and_stops_on_dispose(string server)
    {
        await using var peer = server == "dnsmasq" ? Peer.StartDnsmasq() : Peer.StartUnbound();

        var dig = await Tool.RunAsync(
            Clients.Dig,
            ["@127.0.0.1", "-p", peer.Port.ToString(CultureInfo.InvariantCulture), "+time=2", "+tries=2", "+short",
             "www.test.example", "A"]);

        Assert.True(dig.ExitCode == 0, dig.ToString());
        Assert.Equal("192.0.2.10", dig.StandardOutput.Trim());
        await PeerAssert.DisposeAndAssertStoppedAsync(peer);
    }
}
