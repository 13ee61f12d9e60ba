using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client;
using NetOpsPS.Tests.Shared;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Client;

public sealed class TcpClientSessionResilienceTests
{
    private static readonly TcpClientSessionEventKind[] BreakerCycle =
    {
        TcpClientSessionEventKind.BreakerOpened,
        TcpClientSessionEventKind.BreakerHalfOpened,
        TcpClientSessionEventKind.BreakerClosed,
    };

    [Fact]
    public async Task TheServerKilledAndRestartedOnTheSamePortIsReconnectedToThroughTheBreaker()
    {
        var server = TcpEchoServer.Start(new TcpEchoServerOptions { Port = 0, DrainTimeout = TimeSpan.FromSeconds(2) });
        int port = server.Port;
        TcpClientSessionOptions options = ClientOptions.For(port);
        options.BreakerFailureRatio = 0.5;
        options.BreakerMinimumThroughput = 2;
        options.BreakerSamplingDuration = TimeSpan.FromSeconds(10);
        options.BreakerBreakDuration = TimeSpan.FromSeconds(0.5);
        options.MaxReconnectRounds = 40;
        await using var session = new TcpClientSession(options);
        try
        {
            await session.ConnectAsync();
            await session.SendFrameAsync("before"u8.ToArray());
            Assert.Equal("Echo: before", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));

            await server.StopAsync();
            await Eventually.True(() => session.BreakerState == TcpCircuitState.Open, () => Describe(session));
            Assert.NotEqual(TcpClientSessionState.Connected, session.State);
            Assert.True(session.GetErrorCount(TcpClientErrorKind.Refused) >= 1, Describe(session));
            Assert.Equal(1, session.GetErrorCount(TcpClientErrorKind.PeerClosed));

            server = TcpEchoServer.Start(new TcpEchoServerOptions { Port = port, DrainTimeout = TimeSpan.FromSeconds(2) });
            await Eventually.True(
                () => session.State == TcpClientSessionState.Connected && session.BreakerState == TcpCircuitState.Closed,
                () => Describe(session));

            Assert.Equal(1, session.Reconnects);
            Assert.Equal(2, session.Connects);
            Assert.True(session.ConnectionAttempts >= 3, Describe(session));
            Assert.Equal(BreakerCycle, BreakerMoves(session).TakeLast(3));
            Assert.Equal(TcpClientSessionEventKind.Reconnected, session.RecentEvents[^1].Kind);

            await session.SendFrameAsync("after"u8.ToArray());
            Assert.Equal("Echo: after", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheBreakerOpensOnRefusedConnectsFailsFastThenProbesAndClosesOnTheSessionsClock()
    {
        var clock = new ManualTimeProvider();
        int port = ClientOptions.FreePort();
        TcpClientSessionOptions options = ClientOptions.For(port);
        options.TimeProvider = clock;
        options.AutoReconnect = false;
        options.MaxRetryAttempts = 2;
        // No delay between retries: the retries stay off the hand-driven clock, which then moves only the breaker.
        options.RetryBaseDelay = TimeSpan.Zero;
        options.UseJitter = false;
        options.BreakerFailureRatio = 1.0;
        options.BreakerMinimumThroughput = 2;
        options.BreakerBreakDuration = TimeSpan.FromSeconds(5);
        await using var session = new TcpClientSession(options);

        // Two refusals open the breaker; the third attempt is refused by the breaker itself, not the server.
        var opened = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.ConnectAsync());
        Assert.Equal(TcpClientErrorKind.BreakerOpen, opened.Kind);
        Assert.Equal(2, session.ConnectionAttempts);
        Assert.Equal(2, session.GetErrorCount(TcpClientErrorKind.Refused));
        Assert.Equal(TcpCircuitState.Open, session.BreakerState);
        Assert.Equal(TcpClientSessionState.BreakerOpen, session.State);

        // Open: fail fast, no attempt made.
        var fast = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.ConnectAsync());
        Assert.Equal(TcpClientErrorKind.BreakerOpen, fast.Kind);
        Assert.Equal(2, session.ConnectionAttempts);
        Assert.Equal(2, session.GetErrorCount(TcpClientErrorKind.BreakerOpen));

        // After the break one probe goes through; the server is still down, so the breaker opens again.
        clock.Advance(options.BreakerBreakDuration);
        await Assert.ThrowsAsync<TcpClientSessionException>(() => session.ConnectAsync());
        Assert.Equal(3, session.ConnectionAttempts);
        Assert.Equal(TcpCircuitState.Open, session.BreakerState);

        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions { Port = port });
        clock.Advance(options.BreakerBreakDuration);
        await session.ConnectAsync();

        Assert.Equal(TcpCircuitState.Closed, session.BreakerState);
        Assert.Equal(TcpClientSessionState.Connected, session.State);
        Assert.Equal(4, session.ConnectionAttempts);
        Assert.Equal(
            new[]
            {
                TcpClientSessionEventKind.BreakerOpened,
                TcpClientSessionEventKind.BreakerHalfOpened,
                TcpClientSessionEventKind.BreakerOpened,
                TcpClientSessionEventKind.BreakerHalfOpened,
                TcpClientSessionEventKind.BreakerClosed,
            },
            BreakerMoves(session));
        await session.SendFrameAsync("through"u8.ToArray());
        Assert.Equal("Echo: through", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task ASendAfterADropReconnectsOnDemandWhenBackgroundReconnectIsOff()
    {
        var server = TcpEchoServer.Start(new TcpEchoServerOptions { Port = 0, DrainTimeout = TimeSpan.FromSeconds(2) });
        int port = server.Port;
        TcpClientSessionOptions options = ClientOptions.For(port);
        options.AutoReconnect = false;
        await using var session = new TcpClientSession(options);
        try
        {
            await session.ConnectAsync();
            await server.StopAsync();
            await Eventually.True(() => session.State == TcpClientSessionState.Disconnected, () => Describe(session));
            server = TcpEchoServer.Start(new TcpEchoServerOptions { Port = port, DrainTimeout = TimeSpan.FromSeconds(2) });

            await session.SendFrameAsync("on demand"u8.ToArray());

            Assert.Equal("Echo: on demand", Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5))));
            Assert.Equal(1, session.Reconnects);
            Assert.Equal(2, session.ConnectionAttempts);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task AConnectToAPortThatNeverAnswersTimesOutAndIsCountedAsATimeout()
    {
        using FullBacklogListener silent = await FullBacklogListener.StartAsync();
        TcpClientSessionOptions options = ClientOptions.For(silent.Port);
        options.ConnectTimeout = TimeSpan.FromMilliseconds(200);
        options.MaxRetryAttempts = 1;
        options.BreakerMinimumThroughput = 10;
        await using var session = new TcpClientSession(options);

        var timedOut = await Assert.ThrowsAsync<TcpClientSessionException>(() => session.ConnectAsync());

        Assert.Equal(TcpClientErrorKind.ConnectTimeout, timedOut.Kind);
        Assert.Equal(2, session.GetErrorCount(TcpClientErrorKind.ConnectTimeout));
        Assert.Equal(2, session.ConnectionAttempts);
    }

    [Fact]
    public async Task DisposingStopsABackgroundReconnectAndClosesTheSession()
    {
        var server = TcpEchoServer.Start(new TcpEchoServerOptions { Port = 0, DrainTimeout = TimeSpan.FromSeconds(2) });
        TcpClientSessionOptions options = ClientOptions.For(server.Port);
        options.MaxReconnectRounds = 1000;
        options.BreakerMinimumThroughput = 1000;
        var session = new TcpClientSession(options);
        await session.ConnectAsync();
        await server.DisposeAsync();
        await Eventually.True(() => session.GetErrorCount(TcpClientErrorKind.Refused) > 0, () => Describe(session));

        await session.DisposeAsync();

        Assert.Equal(TcpClientSessionState.Closed, session.State);
        long attempts = session.ConnectionAttempts;
        await Assert.ThrowsAsync<ObjectDisposedException>(() => session.ConnectAsync());
        Assert.Equal(attempts, session.ConnectionAttempts);
    }

    private static List<TcpClientSessionEventKind> BreakerMoves(TcpClientSession session) =>
        session.RecentEvents.Select(e => e.Kind).Where(k => BreakerCycle.Contains(k)).ToList();

    private static string Describe(TcpClientSession session) =>
        $"state {session.State}, breaker {session.BreakerState}, attempts {session.ConnectionAttempts}, " +
        $"errors [{string.Join(", ", session.Errors.Select(e => $"{e.Key}={e.Value}"))}], events: " +
        string.Join(" | ", session.RecentEvents.Select(e => $"{e.Kind} {e.Message}"));
}
