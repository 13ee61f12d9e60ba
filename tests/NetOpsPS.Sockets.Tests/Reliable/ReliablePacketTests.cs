using System;
using NetOpsPS.Sockets.Reliable.Internal;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Reliable;

public sealed class ReliablePacketTests
{
    [Fact]
    public void ADataPacketRoundTrips()
    {
        var buffer = new byte[64];
        int length = ReliablePacket.WriteData(buffer, 0xDEADBEEF, 7, 42, 1, 3, new byte[] { 9, 8, 7 });

        Assert.True(ReliablePacket.TryReadData(buffer.AsSpan(0, length), out DataPacket packet, out string? reason), reason);
        Assert.Equal(new DataPacket(0xDEADBEEF, 7, 42, 1, 3), packet);
        Assert.Equal(new byte[] { 9, 8, 7 }, buffer[ReliablePacket.DataHeaderSize..length]);
    }

    [Fact]
    public void AnAckRoundTripsWithItsSackBlocks()
    {
        var buffer = new byte[512];
        int length = ReliablePacket.WriteAck(buffer, 5, 6, 10, 64, new[] { new SackBlock(12, 14), new SackBlock(20, 21) });

        Assert.True(ReliablePacket.TryReadAck(buffer.AsSpan(0, length), out AckPacket ack, out _));
        Assert.Equal(10u, ack.Cumulative);
        Assert.Equal(64, ack.Window);
        Assert.Equal(new[] { new SackBlock(12, 14), new SackBlock(20, 21) }, ack.Blocks);
    }

    [Theory]
    [InlineData("", "shorter than a header")]
    [InlineData("5255010100000001000000000000000000000001", "shorter than a header")]
    [InlineData("4142010100000001000000000000000000000001000a", "bad magic")]
    [InlineData("5255020100000001000000000000000000000001000a", "version 2")]
    [InlineData("5255010200000001000000000000000000000001000a", "packet type 2")]
    [InlineData("52550101000000010000000000000000000000000005", "fragment 0 of 0")]
    [InlineData("52550101000000010000000000000000000300020005", "fragment 3 of 2")]
    [InlineData("525501010000000100000000000000000000000100050102", "payload length 5 but 2 bytes follow")]
    public void MalformedDataIsRejectedWithAReason(string hex, string expected)
    {
        Assert.False(ReliablePacket.TryReadData(Convert.FromHexString(hex), out _, out string? reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAckWithABlockBelowTheCumulativePointIsRejected()
    {
        var buffer = new byte[64];
        int length = ReliablePacket.WriteAck(buffer, 1, 1, 10, 8, new[] { new SackBlock(5, 9) });
        Assert.False(ReliablePacket.TryReadAck(buffer.AsSpan(0, length), out _, out string? reason));
        Assert.Contains("cumulative ack 10", reason, StringComparison.Ordinal);
    }
}
