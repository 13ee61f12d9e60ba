using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Impairment;
using NetOpsPS.Sockets.Udp;
using NetOpsPS.Sockets.Tests.Client;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Udp;

public sealed class UdpImpairmentRelayTests
{
    [Fact]
    public async Task TheSameSeedReplaysTheSameDecisions()
    {
        var impairment = new UdpImpairmentOptions { LossProbability = 0.3, DuplicateProbability = 0.2, Seed = 99 };
        (long Dropped, long Duplicated, List<byte> Arrived) first = await RelayAsync(impairment, 300);
        (long Dropped, long Duplicated, List<byte> Arrived) second = await RelayAsync(impairment, 300);

        Assert.InRange(first.Dropped, 60, 120);
        Assert.True(first.Duplicated > 20);
        Assert.Equal(first.Dropped, second.Dropped);
        Assert.Equal(first.Duplicated, second.Duplicated);
        // Arrival order may differ with thread timing; which datagrams arrived, and how often, may not.
        Assert.Equal(first.Arrived.Order(), second.Arrived.Order());
        Assert.Equal(300 - first.Dropped + first.Duplicated, first.Arrived.Count);
    }

    [Fact]
    public async Task ReorderingSendsTheHeldDatagramRightAfterItsSuccessor()
    {
        (_, _, List<byte> arrived) = await RelayAsync(new UdpImpairmentOptions { ReorderProbability = 1, Seed = 1, ReorderHold = TimeSpan.FromSeconds(30) }, 4);
        // 0 is held, 1 releases it; then 2 is held and 3 releases it.
        Assert.Equal(new byte[] { 1, 0, 3, 2 }, arrived);
    }

    [Fact]
    public async Task RepliesComeBackThroughTheRelayAndLinkDownDropsEverything()
    {
        await using UdpEchoServer echo = UdpEchoServer.Start(new UdpEchoServerOptions { LocalEndPoint = new IPEndPoint(IPAddress.IPv6Loopback, 0) });
        await using UdpImpairmentRelay relay = UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions { LocalEndPoint = new IPEndPoint(IPAddress.IPv6Loopback, 0), Target = echo.LocalEndPoint });
        using UdpChannel client = UdpChannel.Open(new UdpChannelOptions { LocalEndPoint = new IPEndPoint(IPAddress.IPv6Loopback, 0) });

        await client.SendAsync(relay.LocalEndPoint, new byte[] { 42 });
        UdpDatagram? reply = await client.ReceiveAsync(DateTimeOffset.UtcNow.AddSeconds(10));
        relay.LinkDown = true;
        await client.SendAsync(relay.LocalEndPoint, new byte[] { 43 });

        Assert.Equal(new byte[] { 42 }, reply!.Data);
        Assert.Equal(relay.LocalEndPoint, reply.RemoteEndPoint);
        Assert.Equal(1, relay.Clients);
        // The relay decides on its own thread: wait (bounded) until it has taken the second datagram.
        await Eventually.True(() => relay.Dropped > 0, () => "the relay to take the datagram sent while the link is down");

        Assert.Equal(1, relay.Dropped);
        Assert.Equal(2, relay.Forwarded);
        Assert.Equal(1, echo.DatagramsReceived);
    }

    [Fact]
    public async Task AFloodOfDelayedDatagramsIsBoundedAndTheRestDropped()
    {
        using UdpChannel sink = UdpChannel.Open(new UdpChannelOptions());
        await using UdpImpairmentRelay relay = UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions
        {
            Target = sink.LocalEndPoint,
            Buffers = new UdpBufferOptions { ReceiveBufferSize = 32 * 1024 * 1024, Force = true },
            Impairment = new UdpImpairmentOptions { DelayProbability = 1, Delay = TimeSpan.FromSeconds(60), Seed = 3 },
        });
        using UdpChannel client = UdpChannel.Open(new UdpChannelOptions());
        for (int i = 0; i < 10_050; i++)
        {
            await client.SendAsync(relay.LocalEndPoint, new byte[] { 1 });
        }

        await Eventually.True(() => relay.DatagramsReceived >= 10_050, () => $"every datagram to reach the relay, {relay.DatagramsReceived} so far", TimeSpan.FromSeconds(30));

        Assert.Equal(10_050, relay.DatagramsReceived);
        Assert.Equal(10_000, relay.Delayed);
        Assert.Equal(50, relay.Dropped);
    }

    [Fact]
    public void AProbabilityOutsideZeroToOneIsRefused()
    {
        SocketsException ex = Assert.Throws<SocketsException>(() => UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions
        {
            Target = new IPEndPoint(IPAddress.Loopback, 9),
            Impairment = new UdpImpairmentOptions { LossProbability = 1.5 },
        }));
        Assert.Equal(SocketsError.InvalidArgument, ex.Error);
        Assert.Contains("LossProbability 1.5", ex.Message, StringComparison.Ordinal);
    }

    private const int InFlight = 16;

    /// <summary>Sends numbered datagrams through a relay to a sink and collects what arrives, until the relay's counters account for all of them.</summary>
    private static async Task<(long Dropped, long Duplicated, List<byte> Arrived)> RelayAsync(UdpImpairmentOptions impairment, int count)
    {
        // Buffers big enough for the whole burst: a datagram the kernel drops would never be counted.
        var buffers = new UdpBufferOptions { ReceiveBufferSize = 2 * 1024 * 1024 };
        using UdpChannel sink = UdpChannel.Open(new UdpChannelOptions { Buffers = buffers });
        await using UdpImpairmentRelay relay = UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions { Target = sink.LocalEndPoint, Impairment = impairment, Buffers = buffers });
        using UdpChannel client = UdpChannel.Open(new UdpChannelOptions());
        for (int i = 0; i < count; i++)
        {
            await client.SendAsync(relay.LocalEndPoint, new[] { (byte)i });
            // A few at a time through the relay: on a machine this busy a burst can overflow a socket buffer
            // (RcvbufErrors), and a datagram the kernel drops would never be counted. Sixteen one-byte
            // datagrams are far below any buffer, and the relay has mostly taken them before the wait looks.
            int taken = i - InFlight + 1;
            await Eventually.True(() => relay.DatagramsReceived >= taken, () => $"the relay to take {taken} of {count} datagrams, {relay.DatagramsReceived} so far");
        }

        await Eventually.True(() => relay.DatagramsReceived >= count, () => $"the relay to take all {count} datagrams, {relay.DatagramsReceived} so far");

        DateTimeOffset bound = DateTimeOffset.UtcNow.AddSeconds(60);
        var arrived = new List<byte>();
        while (relay.Dropped + relay.Forwarded - relay.Duplicated < count || arrived.Count < relay.Forwarded)
        {
            UdpDatagram? datagram = await sink.ReceiveAsync(bound);
            Assert.True(datagram is not null, $"relay took {relay.DatagramsReceived} of {count}: dropped {relay.Dropped}, forwarded {relay.Forwarded}, duplicated {relay.Duplicated}, send failures {relay.SendFailures}, handler faults {relay.HandlerFaults}; {arrived.Count} arrived");
            arrived.Add(datagram!.Data[0]);
        }

        return (relay.Dropped, relay.Duplicated, arrived);
    }
}
