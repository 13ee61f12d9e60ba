using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Reliable;
using NetOpsPS.Sockets.Reliable.Internal;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Reliable;

/// <summary>What a listener does with senders that break the rules or exceed its bounds.</summary>
public sealed class ReliableListenerLimitsTests
{
    [Fact]
    public async Task AFragmentOutOfOrderWithinTheStreamIsMalformedAndNotDelivered()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions());
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var packet = new byte[64];

        // Sequence 0 claims to be the second fragment of two: nothing precedes it.
        int length = ReliablePacket.WriteData(packet, 77, 0, 0, 1, 2, new byte[] { 1, 2, 3 });
        sender.SendTo(packet.AsSpan(0, length), listener.LocalEndPoint);
        AckPacket ack = ReadAck(sender);

        Assert.Equal(1u, ack.Cumulative);
        Assert.Equal(listener.Epoch, ack.Epoch);
        Assert.Equal(1, listener.MalformedPackets);
        Assert.Equal(0, listener.MessagesDelivered);
        Assert.False(listener.TryReceive(out _));
    }

    [Fact]
    public async Task SessionsBeyondTheLimitAreIgnoredAndCounted()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions { MaxSessions = 1 });
        await ReliableUdpSender.SendAsync(listener.LocalEndPoint, ReliableTransfer.Numbered(3), ReliableTransfer.Loopback());

        ReliableUdpException ex = await Assert.ThrowsAsync<ReliableUdpException>(
            () => ReliableUdpSender.SendAsync(listener.LocalEndPoint, ReliableTransfer.Numbered(1), ReliableTransfer.Loopback(maxRetries: 2)));

        Assert.Equal(ReliableUdpErrorKind.RetriesExhausted, ex.Kind);
        Assert.Equal(3, listener.RejectedPackets);
        Assert.Equal(1, listener.ActiveSessions);
        Assert.Equal(3, listener.MessagesDelivered);
    }

    [Fact]
    public async Task PacketsBeyondTheReceiveWindowAreDroppedButAcknowledged()
    {
        await using ReliableUdpListener listener = ReliableUdpListener.Start(new ReliableUdpListenerOptions { ReceiveWindow = 4 });
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var packet = new byte[64];

        int length = ReliablePacket.WriteData(packet, 5, 0, 2, 0, 1, new byte[] { 9 });
        sender.SendTo(packet.AsSpan(0, length), listener.LocalEndPoint);
        AckPacket held = ReadAck(sender);
        length = ReliablePacket.WriteData(packet, 5, 0, 4, 0, 1, new byte[] { 9 });
        sender.SendTo(packet.AsSpan(0, length), listener.LocalEndPoint);
        AckPacket beyond = ReadAck(sender);

        Assert.Equal(0u, held.Cumulative);
        Assert.Equal(new[] { new SackBlock(2, 3) }, held.Blocks);
        Assert.Equal(4, held.Window);
        Assert.Equal(0u, beyond.Cumulative);
        Assert.Equal(new[] { new SackBlock(2, 3) }, beyond.Blocks);
        Assert.Equal(1, listener.OutOfWindowPackets);
    }

    private static AckPacket ReadAck(Socket socket)
    {
        socket.ReceiveTimeout = 10_000;
        var buffer = new byte[1500];
        int received = socket.Receive(buffer);
        Assert.True(ReliablePacket.TryReadAck(buffer.AsSpan(0, received), out AckPacket ack, out string? reason), reason);
        return ack;
    }
}
