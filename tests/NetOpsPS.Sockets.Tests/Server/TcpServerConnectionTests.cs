using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Server;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Server;

/// <summary>The connection state machine seen from outside, counters, and a codec violation.</summary>
public sealed class TcpServerConnectionTests
{
    [Fact]
    public async Task AConnectionPassesEveryStateInOrderWithTimestampsAndCounters()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { Name = "states" });
        using (EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint))
        {
            await client.SendAsync("one\ntwo\n");
            Assert.Equal("Echo: one\nEcho: two\n", await client.ReadExactlyAsync(20));

            TcpConnectionInfo open = Assert.Single(server.GetConnections());
            Assert.Equal(TcpConnectionState.Active, open.State);
            Assert.Equal(new[] { TcpConnectionState.Idle, TcpConnectionState.Handshaking, TcpConnectionState.Active }, open.Transitions.Select(t => t.State));
            Assert.Equal(2, open.FramesReceived);
            Assert.Equal(2, open.FramesSent);
            Assert.Equal(8, open.BytesReceived);
            Assert.Equal(20, open.BytesSent);
            Assert.Equal("states", open.ServerName);
            Assert.Equal(client.Socket.LocalEndPoint, open.RemoteEndPoint);
            client.Socket.Shutdown(SocketShutdown.Send);
            Assert.Equal("", await client.ReadToEndAsync());
        }

        TcpConnectionInfo closed = await WaitForClosedAsync(server);
        Assert.Equal(Enum.GetValues<TcpConnectionState>(), closed.Transitions.Select(t => t.State));
        Assert.True(closed.Transitions.Zip(closed.Transitions.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
        Assert.Equal("client closed", closed.CloseReason);
        Assert.Empty(server.GetConnections());
    }

    [Fact]
    public async Task AMalformedLengthFieldClosesThatConnectionWithTheReason()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions
        {
            Framing = new LengthFieldFramingOptions(maxFrameLength: 100, lengthFieldOffset: 0, lengthFieldLength: 2, initialBytesToStrip: 2),
            Handler = new EchoFrameHandler(""),
        });
        using EchoClient good = await EchoClient.ConnectAsync(server.LocalEndPoint);
        using EchoClient bad = await EchoClient.ConnectAsync(server.LocalEndPoint);

        await bad.SendAsync(new byte[] { 0xFF, 0xFF, 1, 2, 3 });
        Assert.Equal("", await bad.ReadToEndAsync());
        TcpConnectionInfo closed = await WaitForClosedAsync(server);
        Assert.StartsWith("framing:", closed.CloseReason, StringComparison.Ordinal);
        Assert.Contains(server.RecentEvents, e => e.Kind == TcpServerEventKind.Violation);

        await good.SendAsync(new byte[] { 0, 2, (byte)'o', (byte)'k' });
        Assert.Equal("\0\u0002ok", await good.ReadExactlyAsync(4));
    }

    private static async Task<TcpConnectionInfo> WaitForClosedAsync(TcpServer server)
    {
        for (int i = 0; i < 1000; i++)
        {
            if (server.RecentlyClosed.LastOrDefault() is { } closed)
            {
                return closed;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("No connection closed within 10 s.");
    }
}
