using System;
using System.Buffers;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Internal.Linux;
using NetOpsPS.Sockets.Server;
using NetOpsPS.Sockets.Tests.Client;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Server;

/// <summary>
/// The two ways a connection learns it can read: the epoll poller (Linux) and zero-byte async receives (the
/// portable path Windows and macOS take). Every case runs both ways against real sockets.
/// </summary>
public sealed class TcpServerReadinessTests
{
    [Fact]
    public void TheEpollPollerRunsOnThisLinuxMachine()
    {
        // The figures of issue 3 depend on it: a silent fallback to the portable path would go unnoticed.
        EpollPoller? poller = EpollPoller.Shared;
        Assert.NotNull(poller);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 16), poller.Threads);
        Assert.Equal(0, EpollPoller.Faults);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FramesSplitAnywhereAndBatchedAreAnsweredInOrderAndCounted(bool portable)
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { PortableIo = portable });
        using EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint);
        byte[] stream = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 40).Select(i => $"line {i}\n")));
        var expected = new StringBuilder();
        // Split at every byte boundary of the first frames, then the rest in one send.
        for (int i = 0; i < 12; i++)
        {
            await client.SendAsync(stream.AsMemory(i, 1).ToArray());
        }

        await client.SendAsync(stream[12..]);
        foreach (int i in Enumerable.Range(0, 40))
        {
            expected.Append($"Echo: line {i}\n");
        }

        Assert.Equal(expected.ToString(), await client.ReadExactlyAsync(expected.Length));
        TcpConnectionInfo info = Assert.Single(server.GetConnections());
        Assert.Equal(stream.Length, info.BytesReceived);
        Assert.Equal(expected.Length, info.BytesSent);
        Assert.Equal(40, info.FramesReceived);
        Assert.Equal(40, info.FramesSent);
        Assert.Equal(40, server.FramesReceived);
        Assert.Equal(expected.Length, server.BytesSent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RepliesTheClientIsSlowToReadWaitAndAllArriveInOrder(bool portable)
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { PortableIo = portable });
        using EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint);
        // 64 MiB of requests, more than the kernel's socket buffers on both sides hold, while no reply is read:
        // the server must keep replies the socket will not take and stop reading until they have gone.
        const int Lines = 65_536;
        string body = new('r', 1000);
        byte[][] requests = Enumerable.Range(0, 64).Select(b => Encoding.ASCII.GetBytes(string.Concat(
            Enumerable.Range(b * 1024, 1024).Select(i => $"{i:D6}{body}\n")))).ToArray();
        Task send = Task.Run(async () =>
        {
            foreach (byte[] block in requests)
            {
                await client.SendAsync(block);
            }
        });
        await Eventually.True(() => server.GetConnections().Single().SendQueue > 0, () => "the server never held back a reply");
        Assert.False(send.IsCompleted, "64 MiB of requests went through although no reply was read.");
        int replyLength = "Echo: ".Length + 6 + body.Length + 1;
        for (int i = 0; i < Lines; i++)
        {
            string reply = await client.ReadExactlyAsync(replyLength);
            Assert.Equal($"Echo: {i:D6}{body}\n", reply);
        }

        await send.WaitAsync(TimeSpan.FromSeconds(10));
        TcpConnectionInfo done = server.GetConnections().Single();
        Assert.Equal((long)Lines * replyLength, done.BytesSent);
        Assert.Equal(0, done.SendQueue);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AHandlerThatThrowsClosesItsConnectionWithTheReasonAndTheServerGoesOn(bool portable)
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { PortableIo = portable, Handler = new ThrowOn("boom") });
        using EchoClient bad = await EchoClient.ConnectAsync(server.LocalEndPoint);
        using EchoClient good = await EchoClient.ConnectAsync(server.LocalEndPoint);
        await bad.SendAsync("first\nboom\nnever\n");
        // The reply made before the bad frame still goes out, then the connection closes.
        Assert.Equal("ok first\n", await bad.ReadToEndAsync());
        await Eventually.True(() => server.RecentEvents.Any(e => e.Kind == TcpServerEventKind.Closed && e.Message.Contains("handler failed: InvalidOperationException: boom", StringComparison.Ordinal)),
            () => string.Join("; ", server.RecentEvents.Select(e => e.Message)));
        await good.SendAsync("still here\n");
        Assert.Equal("ok still here\n", await good.ReadLineAsync() + "\n");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AClientPingIsAnsweredInOrderWithTheRepliesOfTheSameRead(bool portable)
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions
        {
            PortableIo = portable,
            Heartbeat = new TcpHeartbeatOptions { Interval = TimeSpan.FromMinutes(5) },
        });
        using EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint);
        await client.SendAsync("a\nPING 42\nb\n");
        Assert.Equal("Echo: a", await client.ReadLineAsync());
        Assert.Equal("PONG 42", await client.ReadLineAsync());
        Assert.Equal("Echo: b", await client.ReadLineAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task StopClosesEveryConnectionCleanlyAfterItsReplies(bool portable)
    {
        TcpServer server = TcpServer.Start(new TcpServerOptions { PortableIo = portable, DrainTimeout = TimeSpan.FromSeconds(2) });
        using EchoClient one = await EchoClient.ConnectAsync(server.LocalEndPoint);
        using EchoClient two = await EchoClient.ConnectAsync(server.LocalEndPoint);
        await one.SendAsync("x\n");
        Assert.Equal("Echo: x\n", await one.ReadExactlyAsync(8));
        await Eventually.True(() => server.ActiveConnections == 2, () => $"{server.ActiveConnections} connections");
        Task stop = server.StopAsync();
        // Each client sees the server's FIN, closes its side, and the stop completes well before the drain timeout.
        Assert.Equal("", await one.ReadToEndAsync());
        Assert.Equal("", await two.ReadToEndAsync());
        one.Socket.Shutdown(SocketShutdown.Send);
        two.Socket.Shutdown(SocketShutdown.Send);
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TcpServerState.Stopped, server.State);
        Assert.All(server.RecentlyClosed, c => Assert.Equal("server stopped", c.CloseReason));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LinesThatArriveWithTheClientsFinAreAnsweredAndTheConnectionCloses(bool portable)
    {
        // Lines and FIN sent back to back usually reach the server as one readiness event: an edge-triggered
        // reader that stopped at the first short read would answer the lines and never see the FIN.
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { PortableIo = portable });
        // 60: the server remembers the last 64 closed connections.
        for (int i = 0; i < 60; i++)
        {
            using EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint);
            await client.SendAsync($"a{i}\nb{i}\n");
            client.Socket.Shutdown(SocketShutdown.Send);
            Assert.Equal($"Echo: a{i}\nEcho: b{i}\n", await client.ReadToEndAsync());
        }

        await Eventually.True(() => server.ActiveConnections == 0, () => $"{server.ActiveConnections} connections still open");
        Assert.Equal(60, server.RecentlyClosed.Count(c => c.CloseReason == "client closed"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABurstLargerThanTheReceiveBufferIsAllAnsweredInOrder(bool portable)
    {
        // 1 MiB in one send spans many reads of the server's 64 KiB buffer and many edges, some of them while a
        // thread is in the handler: every reply arrives, in order.
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { PortableIo = portable });
        using EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint);
        string body = new('m', 1017);
        byte[] burst = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 1024).Select(i => $"{i:D6}{body}\n")));
        Task send = client.SendAsync(burst);
        for (int i = 0; i < 1024; i++)
        {
            Assert.Equal($"Echo: {i:D6}{body}", await client.ReadLineAsync());
        }

        await send;
        Assert.Equal(1024, server.GetConnections().Single().FramesSent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ManyClientsPipeliningInRandomChunksGetEveryReplyInOrder(bool portable)
    {
        // Every poller thread sees events of every connection, sometimes of the same one at once: each
        // connection's replies must stay whole and in order.
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { PortableIo = portable });
        const int Clients = 16, Lines = 2000;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using EchoClient client = await EchoClient.ConnectAsync(server.LocalEndPoint);
            byte[] stream = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, Lines).Select(i => $"c{c}-{i}\n")));
            var random = new Random(c);
            Task send = Task.Run(async () =>
            {
                for (int at = 0; at < stream.Length;)
                {
                    int chunk = Math.Min(random.Next(1, 700), stream.Length - at);
                    await client.SendAsync(stream.AsMemory(at, chunk).ToArray());
                    at += chunk;
                }
            });
            for (int i = 0; i < Lines; i++)
            {
                Assert.Equal($"Echo: c{c}-{i}", await client.ReadLineAsync());
            }

            await send;
        })));
        Assert.Equal(Clients * Lines, server.FramesSent);
        Assert.Equal(0, EpollPoller.Faults);
    }

    /// <summary>Answers "ok &lt;frame&gt;"; throws on one frame.</summary>
    private sealed class ThrowOn(string poison) : ITcpFrameHandler
    {
        public string Kind => "Test";

        public byte[] Banner => [];

        public void OnFrame(in ReadOnlySequence<byte> frame, ITcpReplyWriter replies)
        {
            if (Encoding.ASCII.GetString(frame.ToArray()).TrimEnd('\n') == poison)
            {
                throw new InvalidOperationException(poison);
            }

            replies.Write("ok "u8, frame);
        }
    }
}
