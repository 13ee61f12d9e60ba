using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using Xunit;

namespace NetOpsPS.Devices.Tests.Netconf;

public sealed class NetconfSessionTests(NetconfPeerFixture peer) : IClassFixture<NetconfPeerFixture>
{
    private static readonly XNamespace Sys = "urn:ietf:params:xml:ns:yang:ietf-system";

    [Theory]
    [InlineData(false, "1.1")]
    [InlineData(true, "1.0")]
    public async Task Hello_settles_framing_and_lists_typed_capabilities(bool base10Only, string expectedBase)
    {
        await using NetconfSession session = await peer.ConnectAsync(base10Only);

        Assert.Equal(expectedBase, session.BaseVersion);
        Assert.True(session.SessionId > 0);
        Assert.True(session.Capabilities.Candidate);
        Assert.True(session.Capabilities.ConfirmedCommit);
        Assert.True(session.Capabilities.Validate);
        Assert.Contains(session.Capabilities.Modules, m => m.Module == "ietf-interfaces" && m.Revision is not null);
        // Both framings carry a real reply: the fixture's startup config.
        XElement data = await session.GetConfigAsync(NetconfDatastore.Running);
        Assert.Equal("PeersLab rack 2", data.Descendants(Sys + "location").Single().Value);
    }

    [Fact]
    public async Task A_session_over_ipv6_reads_the_same_running_config()
    {
        await using NetconfSession session = await peer.ConnectAsync(host: "::1");

        XElement data = await session.GetConfigAsync(NetconfDatastore.Running);

        Assert.Equal("::1", session.HostName);
        Assert.Equal("noc@example.test", data.Descendants(Sys + "contact").Single().Value);
    }
}
