using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client;
using NetOpsPS.Sockets.Framing;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Client;

public sealed class TcpClientSessionTests
{

    [Fact]
    public async Task SendsAndReceivesFramesAgainstTheEchoServerAndCountsThem()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { DrainTimeout = TimeSpan.FromSeconds(2) });
        await using var session = new TcpClientSession(ClientOptions.For(server.Port));
        Assert.Equal(TcpClientSessionState.Disconnected, session.State);

        await session.ConnectAsync();
        Assert.Equal(TcpClientSessionState.Connected, session.State);
        Assert.Equal(TcpCircuitState.Closed, session.BreakerState);
        Assert.Equal(server.LocalEndPoint, session.RemoteEndPoint);
        Assert.Equal(IPAddress.Loopback, session.LocalEndPoint!.Address);
        Assert.NotNull(session.ConnectedSince);

        foreach (string line in new[] { "one", "two", "three: ünïcode" })
        {
            await session.SendFrameAsync(Encoding.UTF8.GetBytes(line));
        }

        Assert.Equal("Echo: one", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal("Echo: two", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal("Echo: three: ünïcode", Encoding.UTF8.GetString(await session.ReceiveFrameAsync()));

        int sentBytes = new[] { "one\n", "two\n", "three: ünïcode\n" }.Sum(Encoding.UTF8.GetByteCount);
        Assert.Equal(3, session.FramesSent);
        Assert.Equal(3, session.FramesReceived);
        Assert.Equal(sentBytes, session.BytesSent);
        Assert.Equal(sentBytes + (3 * "Echo: ".Length), session.BytesReceived);
        Assert.Equal(1, session.ConnectionAttempts);
        Assert.Equal(1, session.Connects);
        Assert.Equal(0, session.Reconnects);
        Assert.Empty(session.Errors);
        Assert.Null(session.LastError);
    }

    [Fact]
    public async Task AReceiveWithNothingToReadTimesOutWithAClearKindAndTheConnectionStaysUsable()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { DrainTimeout = TimeSpan.FromSeconds(2) });
        await using var session = new TcpClientSession(ClientOptions.For(server.Port));
        await session.ConnectAsync();

        var timeout = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.ReceiveFrameAsync(TimeSpan.FromMilliseconds(100)).AsTask());
        Assert.Equal(TcpClientErrorKind.ReceiveTimeout, timeout.Kind);
        Assert.Null(await session.TryReceiveFrameAsync(TimeSpan.Zero));
        Assert.Equal(2, session.ReceiveTimeouts);
        Assert.Empty(session.Errors);
        Assert.Equal(TcpClientSessionState.Connected, session.State);

        await session.SendFrameAsync("still here"u8.ToArray());
        Assert.Equal("Echo: still here", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    public async Task ConnectsByIpv6LiteralAndByName(string host)
    {
        bool ipv6 = host.Contains(':', StringComparison.Ordinal);
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { Address = ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback });
        await using var session = new TcpClientSession(ClientOptions.For(server.Port, host));
        await session.ConnectAsync();

        await session.SendFrameAsync("hi"u8.ToArray());
        Assert.Equal("Echo: hi", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(server.LocalEndPoint, session.RemoteEndPoint);
    }

    [Fact]
    public async Task AConnectionRefusedIsCountedAsRefusedForEveryAttempt()
    {
        TcpClientSessionOptions options = ClientOptions.For(ClientOptions.FreePort());
        options.MaxRetryAttempts = 2;
        options.BreakerMinimumThroughput = 10;
        await using var session = new TcpClientSession(options);

        var refused = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.ConnectAsync());

        Assert.Equal(TcpClientErrorKind.Refused, refused.Kind);
        Assert.Equal(3, session.ConnectionAttempts);
        Assert.Equal(3, session.GetErrorCount(TcpClientErrorKind.Refused));
        Assert.Equal(TcpClientErrorKind.Refused, session.LastErrorKind);
        Assert.Equal(0, session.Connects);
        Assert.Equal(TcpClientSessionState.Disconnected, session.State);
        Assert.Equal(2, session.RecentEvents.Count(e => e.Kind == TcpClientSessionEventKind.ConnectFailed && e.Message.Contains("retrying", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SendingBeforeConnectingOrAfterDisconnectingIsNotConnected()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { DrainTimeout = TimeSpan.FromSeconds(2) });
        await using var session = new TcpClientSession(ClientOptions.For(server.Port));
        var before = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.SendFrameAsync("x"u8.ToArray()).AsTask());
        Assert.Equal(TcpClientErrorKind.NotConnected, before.Kind);

        await session.ConnectAsync();
        await session.DisconnectAsync();
        Assert.Equal(TcpClientSessionState.Disconnected, session.State);
        var after = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.SendFrameAsync("x"u8.ToArray()).AsTask());
        Assert.Equal(TcpClientErrorKind.NotConnected, after.Kind);
        Assert.Empty(session.Errors);

        // A disconnect on purpose is not a drop: connecting again is not a reconnect.
        await session.ConnectAsync();
        await session.SendFrameAsync("again"u8.ToArray());
        Assert.Equal("Echo: again", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(2, session.Connects);
        Assert.Equal(0, session.Reconnects);
        Assert.Contains(session.RecentEvents, e => e.Kind == TcpClientSessionEventKind.Disconnected);
    }

    [Fact]
    public async Task AnOverLongFrameFromTheServerIsAFramingErrorThatDropsTheConnection()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { DrainTimeout = TimeSpan.FromSeconds(2) });
        TcpClientSessionOptions options = ClientOptions.For(server.Port, maxLineLength: 32);
        options.AutoReconnect = false;
        await using var session = new TcpClientSession(options);
        await session.ConnectAsync();

        // The receive is waiting before the bad frame comes, so the drop ends that wait (a receive started after the
        // drop would connect again instead, by design).
        Task<byte[]> receive = session.ReceiveFrameAsync(TimeSpan.FromSeconds(5)).AsTask();
        // 27 bytes out, 33 back with the prefix: the echo is one byte too long for the client's codec.
        await session.SendFrameAsync(Encoding.ASCII.GetBytes(new string('x', 27)));
        var dropped = await Assert.ThrowsAsync<TcpClientSessionException>(() => receive);

        Assert.Equal(TcpClientErrorKind.Framing, dropped.Kind);
        Assert.Equal(1, session.GetErrorCount(TcpClientErrorKind.Framing));
        Assert.StartsWith("bad frame from the server: ", session.LastError, StringComparison.Ordinal);
        Assert.Equal(TcpClientSessionState.Disconnected, session.State);
    }

    [Fact]
    public async Task APayloadTheEncoderCannotFrameFailsThatSendOnly()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { DrainTimeout = TimeSpan.FromSeconds(2) });
        await using var session = new TcpClientSession(ClientOptions.For(server.Port));
        await session.ConnectAsync();

        var bad = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.SendFrameAsync("two\nlines"u8.ToArray()).AsTask());
        Assert.Equal(TcpClientErrorKind.Framing, bad.Kind);
        Assert.Equal(0, session.BytesSent);

        await session.SendFrameAsync("one line"u8.ToArray());
        Assert.Equal("Echo: one line", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task FramesThatArrivedBeforeTheServerClosedAreStillDelivered()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { DrainTimeout = TimeSpan.FromSeconds(2) });
        TcpClientSessionOptions options = ClientOptions.For(server.Port);
        options.AutoReconnect = false;
        await using var session = new TcpClientSession(options);
        await session.ConnectAsync();
        await session.SendFrameAsync("last words"u8.ToArray());
        await Eventually.True(() => session.PendingFrames == 1, () => $"the echo to arrive, {session.PendingFrames} pending");

        await server.StopAsync();
        await Eventually.True(() => session.State == TcpClientSessionState.Disconnected, () => $"the drop to be seen, state {session.State}");

        Assert.Equal("Echo: last words", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal(1, session.GetErrorCount(TcpClientErrorKind.PeerClosed));
        Assert.Contains(session.RecentEvents, e => e.Kind == TcpClientSessionEventKind.Dropped);
    }

    [Fact]
    public async Task CodecFactoriesTakePrecedenceOverTheFramingOptions()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpClientSessionOptions options = ClientOptions.For(server.Port);
        // A framing the echo server does not speak, overridden by line codecs from the factories.
        options.Framing = new LengthFieldFramingOptions(maxFrameLength: 1024, lengthFieldOffset: 0, lengthFieldLength: 2);
        var lines = new LineFramingOptions(1024, lineEnding: LineEnding.CrLf);
        options.DecoderFactory = lines.CreateDecoder;
        options.EncoderFactory = lines.CreateEncoder;
        await using var session = new TcpClientSession(options);
        await session.ConnectAsync();

        await session.SendFrameAsync("crlf"u8.ToArray());

        Assert.Equal("Echo: crlf", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        Assert.Equal("crlf\r\n".Length, session.BytesSent);
        Assert.Equal("custom decoder and encoder", session.Framing);
    }

    [Fact]
    public void BadOptionsAreRejectedWithTheEnginesOwnError()
    {
        const int port = 7;
        TcpClientSessionOptions noFraming = ClientOptions.For(port);
        noFraming.Framing = null;
        noFraming.DecoderFactory = () => new LineFramingOptions(16).CreateDecoder();
        TcpClientSessionOptions shortBreak = ClientOptions.For(port);
        shortBreak.BreakerBreakDuration = TimeSpan.FromMilliseconds(100);

        foreach (TcpClientSessionOptions bad in new[] { ClientOptions.For(0), noFraming, shortBreak })
        {
            var error = Assert.Throws<SocketsException>(() => new TcpClientSession(bad));
            Assert.Equal(SocketsError.InvalidArgument, error.Error);
        }
    }
}
