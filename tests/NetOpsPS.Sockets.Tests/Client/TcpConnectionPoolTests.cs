using System;
using System.Text;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Client;

public sealed class TcpConnectionPoolTests
{
    [Fact]
    public async Task AReturnedSessionIsReusedForTheSameEndpoint()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        await using var pool = new TcpConnectionPool(PoolOptions(new ManualTimeProvider()));

        TcpClientSession first;
        await using (TcpConnectionLease lease = await pool.RentAsync("127.0.0.1", server.Port))
        {
            Assert.False(lease.Reused);
            first = lease.Session;
            Assert.Equal("Echo: one", await RoundTrip(lease.Session, "one"));
            Assert.Equal(1, pool.LeasedCount);
        }

        Assert.Equal(1, pool.IdleCount);
        await using (TcpConnectionLease lease = await pool.RentAsync("127.0.0.1", server.Port))
        {
            Assert.True(lease.Reused);
            Assert.Same(first, lease.Session);
            Assert.Equal("Echo: two", await RoundTrip(lease.Session, "two"));
        }

        Assert.Equal(1, pool.Created);
        Assert.Equal(1, pool.Reused);
        Assert.Equal(0, pool.Evicted);
    }

    [Fact]
    public async Task AnEndpointAtItsMaximumMakesTheNextRentWaitThenFailAsExhausted()
    {
        var clock = new ManualTimeProvider();
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpConnectionPoolOptions options = PoolOptions(clock);
        options.MaxPerEndpoint = 1;
        options.RentTimeout = TimeSpan.FromSeconds(5);
        await using var pool = new TcpConnectionPool(options);
        TcpConnectionLease held = await pool.RentAsync("127.0.0.1", server.Port);

        Task<TcpConnectionLease> waiting = pool.RentAsync("127.0.0.1", server.Port);
        Assert.False(waiting.IsCompleted);
        clock.Advance(options.RentTimeout);
        var exhausted = await Assert.ThrowsAsync<TcpClientSessionException>(() => waiting);
        Assert.Equal(TcpClientErrorKind.PoolExhausted, exhausted.Kind);

        // Given back, the one slot serves the next rent with the same session.
        Task<TcpConnectionLease> next = pool.RentAsync("127.0.0.1", server.Port);
        await held.DisposeAsync();
        await using TcpConnectionLease reused = await next;
        Assert.True(reused.Reused);
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public async Task TheSweepClosesSessionsIdleLongerThanTheIdleTimeoutOnly()
    {
        var clock = new ManualTimeProvider();
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        TcpConnectionPoolOptions options = PoolOptions(clock);
        options.IdleTimeout = TimeSpan.FromSeconds(30);
        options.EvictionInterval = TimeSpan.FromSeconds(10);
        await using var pool = new TcpConnectionPool(options);
        TcpConnectionLease lease = await pool.RentAsync("127.0.0.1", server.Port);
        TcpClientSession session = lease.Session;
        await lease.DisposeAsync();

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, pool.Evicted);
        Assert.Equal(1, pool.IdleCount);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, pool.Evicted);
        Assert.Equal(0, pool.IdleCount);
        await Eventually.True(() => session.State == TcpClientSessionState.Closed, () => $"the evicted session to close, state {session.State}");

        await using TcpConnectionLease fresh = await pool.RentAsync("127.0.0.1", server.Port);
        Assert.False(fresh.Reused);
        Assert.Equal(2, pool.Created);
    }

    [Fact]
    public async Task ABrokenOrDroppedSessionIsClosedInsteadOfKept()
    {
        await using var server = TcpEchoServer.Start(new TcpEchoServerOptions());
        await using var pool = new TcpConnectionPool(PoolOptions(new ManualTimeProvider()));

        TcpConnectionLease broken = await pool.RentAsync("127.0.0.1", server.Port);
        await broken.Session.SendFrameAsync("never read"u8.ToArray());
        broken.MarkBroken();
        await broken.DisposeAsync();

        Assert.Equal(TcpClientSessionState.Closed, broken.Session.State);
        Assert.Equal(0, pool.IdleCount);
        Assert.Equal(1, pool.Discarded);
        Assert.Equal(0, pool.LeasedCount);
    }

    private static TcpConnectionPoolOptions PoolOptions(ManualTimeProvider clock) => new()
    {
        TimeProvider = clock,
        // The pool's clock drives the sweep; connects and receives stay on real time.
        ConfigureSession = session => session.TimeProvider = TimeProvider.System,
    };

    private static async Task<string> RoundTrip(TcpClientSession session, string line)
    {
        await session.SendFrameAsync(Encoding.UTF8.GetBytes(line));
        return Encoding.UTF8.GetString(await session.ReceiveFrameAsync(TimeSpan.FromSeconds(5)));
    }
}
