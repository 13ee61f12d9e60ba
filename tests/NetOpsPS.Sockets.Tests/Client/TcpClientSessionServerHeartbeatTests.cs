using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Server;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Client;

/// <summary>The session's heartbeat against the engine's own server, which pings its clients and answers theirs.</summary>
public sealed class TcpClientSessionServerHeartbeatTests
{
    [Fact]
    public async Task SessionAndServerAnswerEachOthersPingsAndBothMeasureTheRoundTrip()
    {
        await using var server = TcpServer.Start(new TcpServerOptions
        {
            Heartbeat = new TcpHeartbeatOptions { Interval = TimeSpan.FromMilliseconds(50), MissedLimit = 3 },
            DrainTimeout = TimeSpan.FromSeconds(2),
        });
        TcpClientSessionOptions options = ClientOptions.For(server.Port);
        options.HeartbeatInterval = TimeSpan.FromMilliseconds(50);
        await using var session = new TcpClientSession(options);
        await session.ConnectAsync();

        await Eventually.True(
            () => session.HeartbeatsAnswered > 0 && session.LastRtt is not null && server.GetConnections().Single().HeartbeatRtt is not null,
            () => $"both round trips: answered {session.HeartbeatsAnswered}, ours {session.LastRtt}, the server's {server.GetConnections().Single().HeartbeatRtt}");

        // Heartbeats never reach either side's application: the echo that comes back is the caller's frame.
        await session.SendFrameAsync("data"u8.ToArray());
        Assert.Equal("Echo: data", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(0, session.PendingFrames);
        Assert.Empty(session.Errors);
        Assert.Equal(0, server.GetConnections().Single().MissedHeartbeats);
    }
}
