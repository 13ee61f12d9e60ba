using System;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Server;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Server;

/// <summary>Read, write and idle timeouts, and the heartbeat, against real misbehaving clients.</summary>
public sealed class TcpServerLivenessTests
{
    [Fact]
    public async Task ASlowlorisSenderIsCutOffByTheReadTimeoutWhileOthersAreServed()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { ReadTimeout = TimeSpan.FromSeconds(2.5), IdleTimeout = TimeSpan.FromSeconds(30) });
        using EchoClient slow = await EchoClient.ConnectAsync(server.LocalEndPoint);
        using EchoClient normal = await EchoClient.ConnectAsync(server.LocalEndPoint);

        // One byte per second, never a line feed: each byte resets the idle clock, none completes a frame.
        // The server sends nothing back, so the pending read ends only when it closes the connection.
        Task<string> closed = slow.ReadToEndAsync();
        for (int i = 0; i < 10 && !closed.IsCompleted; i++)
        {
            try
            {
                await slow.SendAsync("x");
            }
            catch (SocketException)
            {
                break;
            }

            await Task.WhenAny(closed, Task.Delay(1000));
        }

        Assert.True(closed.IsCompleted, "The slow sender was never cut off.");
        try
        {
            await closed;
        }
        catch (SocketException)
        {
            // A reset is a cut too.
        }

        await EventuallyLoggedAsync(server, e => e.Kind == TcpServerEventKind.Closed && e.Message.StartsWith("read timeout", StringComparison.Ordinal));
        await normal.SendAsync("fine\n");
        Assert.Equal("Echo: fine\n", await normal.ReadExactlyAsync(11));
    }

    [Fact]
    public async Task AnIdleConnectionIsClosedAfterTheIdleTimeout()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        using EchoClient idle = await EchoClient.ConnectAsync(server.LocalEndPoint);
        Assert.Equal("", await idle.ReadToEndAsync());
        await EventuallyLoggedAsync(server, e => e.Kind == TcpServerEventKind.Closed && e.Message.StartsWith("idle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClientThatNeverReadsIsCutOffByTheWriteTimeout()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions { WriteTimeout = TimeSpan.FromMilliseconds(500) });
        using EchoClient deaf = await EchoClient.ConnectAsync(server.LocalEndPoint);
        deaf.Socket.ReceiveBufferSize = 4096;
        byte[] line = Encoding.ASCII.GetBytes(new string('w', 8000) + "\n");
        bool cut = false;
        // Bounded: at most 20,000 lines (160 MB) or 30 s; the socket buffers fill long before that.
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        for (int i = 0; i < 20_000 && !cut && DateTime.UtcNow < deadline; i++)
        {
            try
            {
                await deaf.SendAsync(line).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is SocketException or TimeoutException)
            {
                cut = server.RecentEvents.Any(e => e.Message.StartsWith("write timeout", StringComparison.Ordinal));
            }

            cut |= server.RecentEvents.Any(e => e.Message.StartsWith("write timeout", StringComparison.Ordinal));
        }

        Assert.True(cut, "The server never gave up on a client that does not read.");
    }

    [Fact]
    public async Task HeartbeatsMeasureRttWhenAnsweredAndCloseAfterTheMissedLimit()
    {
        await using TcpServer server = TcpServer.Start(new TcpServerOptions
        {
            Heartbeat = new TcpHeartbeatOptions { Interval = TimeSpan.FromMilliseconds(200), MissedLimit = 3 },
        });
        using EchoClient answering = await EchoClient.ConnectAsync(server.LocalEndPoint);
        using EchoClient silent = await EchoClient.ConnectAsync(server.LocalEndPoint);
        Task<string> answered = AnswerPingsUntilAsync(answering, stopAt: "PONG 42");

        // The silent client reads the pings but never answers: closed after three.
        string rest = await silent.ReadToEndAsync();
        Assert.True(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 3, rest);
        await EventuallyLoggedAsync(server, e => e.Message.StartsWith("heartbeat", StringComparison.Ordinal));

        TcpConnectionInfo info = Assert.Single(server.GetConnections(), c => Equals(c.RemoteEndPoint, answering.Socket.LocalEndPoint));
        Assert.True(info.HeartbeatRtt > TimeSpan.Zero);
        Assert.Equal(TcpConnectionState.Active, info.State);
        Assert.True(info.MissedHeartbeats < 3, $"{info.MissedHeartbeats} missed while answering");

        // A client's own PING is answered and never reaches the handler (no "Echo: PING 42").
        await answering.SendAsync("PING 42\n");
        Assert.Equal("PONG 42", await answered);
    }

    /// <summary>Answers every PING; returns the first other line, which must be <paramref name="stopAt"/>.</summary>
    private static async Task<string> AnswerPingsUntilAsync(EchoClient client, string stopAt)
    {
        for (int i = 0; i < 1000; i++)
        {
            string line = await client.ReadLineAsync();
            if (!line.StartsWith("PING ", StringComparison.Ordinal))
            {
                return line;
            }

            await client.SendAsync("PONG " + line[5..] + "\n");
        }

        throw new InvalidOperationException($"No '{stopAt}' after 1000 pings.");
    }

    /// <summary>The client sees the server's FIN a moment before the server logs the close: wait for the entry, bounded.</summary>
    private static async Task EventuallyLoggedAsync(TcpServer server, Func<TcpServerEvent, bool> match)
    {
        for (int i = 0; i < 1000 && !server.RecentEvents.Any(match); i++)
        {
            await Task.Delay(10);
        }

        Assert.Contains(server.RecentEvents, e => match(e));
    }
}
