using System;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;
using NetOpsPS.TestSupport.Peers;
using Xunit;

namespace NetOpsPS.Devices.Tests.Netconf;

/// <summary>Broken and hostile server replies give a clear error, never a hang, a crash, entity expansion or unbounded memory.</summary>
public sealed class NetconfHostileServerTests
{
    private static readonly XElement GetConfig = XElement.Parse("<get-config><source><running/></source></get-config>");

    [Theory]
    [InlineData("dtd")]
    [InlineData("xxe")]
    public async Task A_reply_with_a_dtd_or_entity_is_refused_as_malformed_xml(string mode)
    {
        using var peer = Peer.StartHostileNetconf(mode);
        await using NetconfSession session = await NetconfSession.ConnectAsync(Options(peer));

        var ex = await Assert.ThrowsAsync<NetconfException>(() => session.RpcAsync(GetConfig));

        Assert.Equal(NetconfError.MalformedXml, ex.Error);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oversized", "would take the message past the limit")]
    [InlineData("badchunk", "chunk size contains")]
    public async Task Broken_chunked_framing_is_a_framing_error_that_closes_the_session(string mode, string expected)
    {
        using var peer = Peer.StartHostileNetconf(mode);
        NetconfSession session = await NetconfSession.ConnectAsync(Options(peer));
        await using (session)
        {
            Assert.Equal("1.1", session.BaseVersion);

            var ex = await Assert.ThrowsAsync<NetconfException>(() => session.RpcAsync(GetConfig));

            Assert.Equal(NetconfError.Framing, ex.Error);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
            Assert.False(session.IsConnected);
            var after = await Assert.ThrowsAsync<NetconfException>(() => session.RpcAsync(GetConfig));
            Assert.Equal(NetconfError.Framing, after.Error);
        }
    }

    [Fact]
    public async Task An_end_of_message_delimiter_that_never_comes_stops_at_the_size_limit()
    {
        using var peer = Peer.StartHostileNetconf("eom-flood");
        await using NetconfSession session = await NetconfSession.ConnectAsync(Options(peer, maxMessageSize: 1024 * 1024));
        Assert.Equal("1.0", session.BaseVersion);

        var ex = await Assert.ThrowsAsync<NetconfException>(() => session.RpcAsync(GetConfig));

        Assert.Equal(NetconfError.Framing, ex.Error);
        Assert.Contains("1048576 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_cut_into_thousands_of_small_chunks_is_reassembled_whole()
    {
        using var peer = Peer.StartHostileNetconf("split");
        await using NetconfSession session = await NetconfSession.ConnectAsync(Options(peer));

        NetconfReply reply = await session.RpcAsync(GetConfig);

        XElement blob = Assert.Single(reply.Data!.Elements());
        Assert.Equal(200_000, blob.Value.Length);
        Assert.True(blob.Value.All(c => c == 'x'));
    }

    [Fact]
    public async Task A_server_that_never_replies_is_a_timeout_and_the_session_stays_usable_for_cancellation()
    {
        using var peer = Peer.StartHostileNetconf("silent");
        await using NetconfSession session = await NetconfSession.ConnectAsync(Options(peer, rpcTimeoutSeconds: 1));

        var ex = await Assert.ThrowsAsync<NetconfException>(() => session.RpcAsync(GetConfig));
        Assert.Equal(NetconfError.Timeout, ex.Error);

        using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.RpcAsync(GetConfig, cancel.Token));
        Assert.True(session.IsConnected);
    }

    private static NetconfSessionOptions Options(Peer peer, long maxMessageSize = 64L * 1024 * 1024, double rpcTimeoutSeconds = 20) => new()
    {
        Ssh = new SshConnectionOptions
        {
            Host = "127.0.0.1",
            Port = peer.Port,
            UserName = Peer.LoginUser,
            PrivateKeyPaths = [peer.ClientKeyPath],
            KnownHostsPath = peer.KnownHostsPath,
        },
        RpcTimeout = TimeSpan.FromSeconds(rpcTimeoutSeconds),
        MaxMessageSize = maxMessageSize,
        // The broken first reply is what these tests are about.
        AwaitFirstReply = false,
    };
}
