using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using NetOpsPS.Capture;
using NetOpsPS.Capture.Tls;
using Xunit;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>Hostile input: mutated hellos, lying lengths, floods of flows and of out-of-order segments stay bounded.</summary>
public sealed class TlsTrackerBoundsTests
{
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.1");
    private static readonly IPAddress Server = IPAddress.Parse("198.51.100.2");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TenThousandMutatedHellosNeverThrowAndAreReportedOrRejected()
    {
        byte[] original = Ja4SpecTests.SpecExample(grease: true).ClientHelloRecord();
        var random = new Random(20261124);
        var tracker = new TlsHandshakeTracker();
        int reported = 0;
        for (int i = 0; i < 10_000; i++)
        {
            byte[] mutated = (byte[])original.Clone();
            for (int flips = random.Next(1, 6); flips > 0; flips--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            int length = random.Next(2) == 0 ? mutated.Length : random.Next(1, mutated.Length);
            int port = 1024 + (i % 60_000);
            reported += tracker.Add(Segment(port, 1, TcpFlags.Psh | TcpFlags.Ack, mutated[..length])).Count;
            reported += tracker.Add(Segment(port, 1 + (uint)length, TcpFlags.Rst, [])).Count;
        }

        Assert.Equal(0, tracker.ActiveFlows);
        Assert.Equal(10_000, reported + tracker.FlowsWithoutClientHello);
        Assert.True(reported > 5_000, $"only {reported} mutated hellos were still recognised as TLS");
    }

    [Fact]
    public void HandshakeLengthBeyondTheBoundIsMalformedWithoutBufferingIt()
    {
        byte[] record = [22, 3, 1, 0x40, 0x00, 1, 0xFF, 0xFF, 0xFF, 3, 3]; // ClientHello claiming 16 MiB
        var tracker = new TlsHandshakeTracker(new TlsTrackerOptions { MaxHelloBytes = 4096 });

        var done = tracker.Add(Segment(5000, 1, TcpFlags.Psh, record)).Concat(tracker.Flush()).ToList();

        TlsHandshake h = Assert.Single(done);
        Assert.Equal(TlsHandshakeStatus.Malformed, h.Status);
        Assert.Contains(h.Problems, p => p.Contains("exceeds the 4096-byte bound", StringComparison.Ordinal));
        Assert.Equal(0x0303, h.ClientHello.LegacyVersion);
    }

    [Fact]
    public void FlowsBeyondMaxFlowsAreReportedEarlyAndNeverHeld()
    {
        byte[] hello = new HelloBuilder().Sni("many.example").ClientHelloRecord();
        var tracker = new TlsHandshakeTracker(new TlsTrackerOptions { MaxFlows = 8 });
        var early = new List<TlsHandshake>();
        for (int port = 1; port <= 100; port++)
        {
            early.AddRange(tracker.Add(Segment(port, 1, TcpFlags.Psh, hello)));
            Assert.True(tracker.ActiveFlows <= 8);
        }

        Assert.Equal(92, early.Count);
        Assert.Equal(92, tracker.EvictedFlows);
        Assert.All(early, h => Assert.Equal(TlsHandshakeStatus.NoServerHello, h.Status));
        Assert.Equal(8, tracker.Flush().Count);
    }

    [Fact]
    public void ManyHalfSentHellosStayWithinTheByteBudget()
    {
        // Each connection sends the first 40 KiB of a 60 KiB hello (in 16 KiB records), and never the rest.
        byte[] message = [1, 0x00, 0xF0, 0x00, 3, 3, .. new byte[0xF000 - 2]];
        byte[] stream = message.Chunk(16 * 1024).SelectMany(fragment => HelloBuilder.Record(fragment)).ToArray();
        byte[] start = stream[..(40 * 1024)];
        var options = new TlsTrackerOptions { MaxBufferedBytes = 1024 * 1024 };
        var tracker = new TlsHandshakeTracker(options);
        int reported = 0;
        for (int port = 1; port <= 500; port++)
        {
            reported += tracker.Add(Segment(port, 1, TcpFlags.Psh, start)).Count;
            Assert.True(tracker.BufferedBytes <= options.MaxBufferedBytes, $"{tracker.BufferedBytes} bytes held after {port} connections");
        }

        Assert.True(tracker.EvictedFlows > 400);
        Assert.Equal(500, reported + tracker.Flush().Count);
        Assert.Equal(0, tracker.BufferedBytes);
    }

    [Fact]
    public void DecodedDirectionsHoldNoBytes()
    {
        var tracker = new TlsHandshakeTracker();
        tracker.Add(Segment(7000, 1, TcpFlags.Psh, new HelloBuilder().Sni("done.example").ClientHelloRecord()));

        Assert.Equal(1, tracker.ActiveFlows);
        Assert.Equal(0, tracker.BufferedBytes);
    }

    [Fact]
    public void OutOfOrderFloodIsDroppedPastThePendingBound()
    {
        var reassembler = new TcpDirectionReassembler(maxBytes: 1024);
        reassembler.OnSyn(0);
        for (uint i = 0; i < 10_000; i++)
        {
            Assert.False(reassembler.Add(2 + (i * 3 % 1000), [1, 2], Start));
        }

        Assert.Equal(0, reassembler.Length);
        Assert.True(reassembler.Add(1, new byte[1024], Start));
        Assert.Equal(1024, reassembler.Length);
        Assert.True(reassembler.IsFull);
    }

    [Fact]
    public void SegmentsArrivingBeforeTheGapIsFilledAreJoinedInOrder()
    {
        var reassembler = new TcpDirectionReassembler(maxBytes: 64);
        reassembler.OnSyn(uint.MaxValue - 1); // data starts at 0xFFFFFFFF and wraps
        Assert.False(reassembler.Add(2, [4, 5, 6], Start));
        Assert.False(reassembler.Add(0, [2, 3], Start));
        Assert.True(reassembler.Add(uint.MaxValue, [1, 2], Start)); // overlaps the held segment by one byte

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, reassembler.Contiguous.ToArray());
        Assert.Equal(3, reassembler.SegmentsUsed);
    }

    private static TcpStreamSegment Segment(int clientPort, uint seq, TcpFlags flags, byte[] payload) =>
        new(Start, Client, clientPort, Server, 443, seq, flags, payload);
}
