using System;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Client;

public sealed class TcpClientSessionHeartbeatTests
{
    [Fact]
    public async Task AServerPingIsAnsweredWithItsNumberAndNeverHandedToTheCaller()
    {
        var peer = new ScriptedPeer();
        await using TcpClientSession session = await ConnectAsync(peer, ClientOptions.For(peer.Port));
        // Declared after the session, so closed before it: the session's graceful close then meets the peer's FIN at once.
        using ScriptedPeer closesFirst = peer;

        await peer.SendLineAsync("PING 41");
        await peer.SendLineAsync("data");

        Assert.Equal("PONG 41", await peer.ReadLineAsync());
        Assert.Equal("data", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(1, session.HeartbeatsAnswered);
        Assert.Equal(0, session.PendingFrames);
    }

    [Fact]
    public async Task WithAnsweringOffAPingIsTheCallersFrame()
    {
        var peer = new ScriptedPeer();
        TcpClientSessionOptions options = ClientOptions.For(peer.Port);
        options.AnswerHeartbeats = false;
        await using TcpClientSession session = await ConnectAsync(peer, options);
        // Declared after the session, so closed before it: the session's graceful close then meets the peer's FIN at once.
        using ScriptedPeer closesFirst = peer;

        await peer.SendLineAsync("PING 7");

        Assert.Equal("PING 7", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(0, session.HeartbeatsAnswered);
    }

    [Fact]
    public async Task OurOwnPingsMeasureTheRoundTripOnTheSessionsClock()
    {
        var clock = new ManualTimeProvider();
        var peer = new ScriptedPeer();
        TcpClientSessionOptions options = ClientOptions.For(peer.Port);
        options.TimeProvider = clock;
        options.HeartbeatInterval = TimeSpan.FromSeconds(10);
        await using TcpClientSession session = await ConnectAsync(peer, options);
        // Declared after the session, so closed before it: the session's graceful close then meets the peer's FIN at once.
        using ScriptedPeer closesFirst = peer;
        Assert.Null(session.LastRtt);

        // The heartbeat loop starts on its own thread; one interval once its timer exists sends exactly one ping.
        await Eventually.True(() => clock.PeriodicTimers == 1, () => "the heartbeat timer");
        clock.Advance(options.HeartbeatInterval);
        Assert.Equal("PING 1", await peer.ReadLineAsync());

        clock.Advance(TimeSpan.FromMilliseconds(30));
        await peer.SendLineAsync("PONG 1");
        await Eventually.True(() => session.LastRtt is not null, () => "the round trip");

        Assert.Equal(TimeSpan.FromMilliseconds(30), session.LastRtt);
        Assert.Equal(0, session.MissedHeartbeats);
        Assert.Equal(0, session.PendingFrames);
    }

    [Fact]
    public async Task UnansweredPingsCloseTheConnectionAsHeartbeatMissed()
    {
        var peer = new ScriptedPeer();
        TcpClientSessionOptions options = ClientOptions.For(peer.Port);
        options.HeartbeatInterval = TimeSpan.FromMilliseconds(20);
        options.MaxMissedHeartbeats = 2;
        options.AutoReconnect = false;
        await using TcpClientSession session = await ConnectAsync(peer, options);
        // Declared after the session, so closed before it: the session's graceful close then meets the peer's FIN at once.
        using ScriptedPeer closesFirst = peer;

        await Eventually.True(() => session.GetErrorCount(TcpClientErrorKind.HeartbeatMissed) == 1, () => $"the heartbeat verdict, state {session.State}");

        Assert.Equal(TcpClientSessionState.Disconnected, session.State);
        Assert.Contains("2 heartbeats in a row went unanswered", session.LastError, StringComparison.Ordinal);
        Assert.Equal("PING 1", await peer.ReadLineAsync());
    }

    private static async Task<TcpClientSession> ConnectAsync(ScriptedPeer peer, TcpClientSessionOptions options)
    {
        var session = new TcpClientSession(options);
        Task connect = session.ConnectAsync();
        await peer.AcceptAsync();
        await connect;
        return session;
    }
}
