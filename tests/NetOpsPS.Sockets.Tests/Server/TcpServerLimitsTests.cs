using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Server;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Server;

/// <summary>MaxConnections in both modes, and floods above it: the server stays up and serves again.</summary>
public sealed class TcpServerLimitsTests
{
    [Fact]
    public async Task QueueModeServesTheThirdClientOnlyWhenASlotFrees()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { MaxConnections = 2, WhenFull = TcpServerFullMode.Queue });
        using EchoClient first = await EchoClient.ConnectAsync(server.LocalEndPoint);
        using EchoClient second = await EchoClient.ConnectAsync(server.LocalEndPoint);
        await first.SendAsync("a\n");
        await second.SendAsync("b\n");
        Assert.Equal("Echo: a\n", await first.ReadExactlyAsync(8));
        Assert.Equal("Echo: b\n", await second.ReadExactlyAsync(8));

        // The kernel completes the handshake (accept queue), but the server does not accept it yet.
        using EchoClient third = await EchoClient.ConnectAsync(server.LocalEndPoint);
        await third.SendAsync("c\n");
        Task<string> thirdReply = third.ReadExactlyAsync(8);
        Assert.Equal(2, server.ActiveConnections);
        Assert.False(thirdReply.IsCompleted);

        first.Socket.Shutdown(SocketShutdown.Send);
        Assert.Equal("", await first.ReadToEndAsync());
        Assert.Equal("Echo: c\n", await thirdReply);
        Assert.Equal(0, server.RejectedConnections);
    }

    [Fact]
    public async Task RejectModeTellsTheClientWhyAndCountsIt()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions
        {
            MaxConnections = 1, WhenFull = TcpServerFullMode.Reject, RejectMessage = "BUSY\n",
        });
        using EchoClient served = await EchoClient.ConnectAsync(server.LocalEndPoint);
        await served.SendAsync("x\n");
        Assert.Equal("Echo: x\n", await served.ReadExactlyAsync(8));

        using EchoClient refused = await EchoClient.ConnectAsync(server.LocalEndPoint);
        Assert.Equal("BUSY\n", await refused.ReadToEndAsync());
        Assert.Equal(1, server.RejectedConnections);
        Assert.Contains(server.RecentEvents, e => e.Kind == TcpServerEventKind.Rejected);
    }

    [Fact]
    public async Task AFloodAboveMaxConnectionsIsRejectedAndTheServerStaysUp()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions
        {
            MaxConnections = 20, WhenFull = TcpServerFullMode.Reject, Backlog = 1024,
        });
        var holders = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            EchoClient c = await EchoClient.ConnectAsync(server.LocalEndPoint);
            await c.SendAsync($"hold {i}\n");
            await c.ReadExactlyAsync($"Echo: hold {i}\n".Length);
            return c;
        }));

        string[] flood = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using EchoClient c = await EchoClient.ConnectAsync(server.LocalEndPoint);
            try
            {
                return await c.ReadToEndAsync();
            }
            catch (SocketException)
            {
                return "";
            }
        }));

        Assert.All(flood, r => Assert.Equal("", r));
        Assert.Equal(200, server.RejectedConnections);
        foreach (EchoClient holder in holders)
        {
            holder.Dispose();
        }

        // Slots come back as the holders' connections close; then the server serves again.
        using EchoClient after = await WaitForServiceAsync(server);
        Assert.Equal(TcpServerState.Listening, server.State);
    }

    private static async Task<EchoClient> WaitForServiceAsync(TcpServer server)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var client = await EchoClient.ConnectAsync(server.LocalEndPoint);
            try
            {
                await client.SendAsync("back\n");
                Assert.Equal("Echo: back\n", await client.ReadExactlyAsync(11));
                return client;
            }
            catch (Exception ex) when ((ex is System.IO.EndOfStreamException or SocketException) && DateTime.UtcNow < deadline)
            {
                client.Dispose();
            }
        }
    }
}
