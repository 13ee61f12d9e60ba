using System;
using System.Buffers;
using System.Text;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Framing.Internal;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class LengthFieldPrependerTests
{
    private static readonly byte[] HelloWorld = Encoding.ASCII.GetBytes("HELLO, WORLD");

    [Theory]
    // Netty's LengthFieldPrepender javadoc: 2 bytes, then the same counting the field itself.
    [InlineData(2, 0, false, ByteOrder.BigEndian, "000C")]
    [InlineData(2, 0, true, ByteOrder.BigEndian, "000E")]
    [InlineData(1, 0, false, ByteOrder.BigEndian, "0C")]
    [InlineData(3, 0, false, ByteOrder.BigEndian, "00000C")]
    [InlineData(4, 0, true, ByteOrder.BigEndian, "00000010")]
    [InlineData(8, 0, false, ByteOrder.BigEndian, "000000000000000C")]
    [InlineData(2, 0, false, ByteOrder.LittleEndian, "0C00")]
    [InlineData(3, 0, false, ByteOrder.LittleEndian, "0C0000")]
    [InlineData(8, 0, true, ByteOrder.LittleEndian, "1400000000000000")]
    [InlineData(2, 5, false, ByteOrder.BigEndian, "0011")]
    [InlineData(2, -12, false, ByteOrder.BigEndian, "0000")]
    public void WritesTheLengthFieldAsNettysPrepender(int fieldLength, int adjustment, bool includesField, ByteOrder order, string fieldHex)
    {
        var output = new ArrayBufferWriter<byte>();
        new LengthFieldPrepender(fieldLength, adjustment, includesField, order).Encode(HelloWorld, output);
        Assert.Equal(fieldHex + Convert.ToHexString(HelloWorld), Convert.ToHexString(output.WrittenSpan));
    }

    [Theory]
    [InlineData(1, 256, 0, false)]
    [InlineData(1, 255, 0, true)]
    [InlineData(2, 65536, 0, false)]
    [InlineData(3, 16777215, 1, false)]
    [InlineData(2, 3, -4, false)]
    public void ALengthTheFieldCannotHoldIsUnencodable(int fieldLength, int payloadLength, int adjustment, bool includesField)
    {
        var output = new ArrayBufferWriter<byte>();
        FramingException error = Assert.Throws<FramingException>(
            () => new LengthFieldPrepender(fieldLength, adjustment, includesField).Encode(new byte[payloadLength], output));
        Assert.Equal(FramingError.Unencodable, error.Error);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void TheOptionsEncoderWritesZeroesBeforeTheFieldAndTheLengthTheDecoderExpects()
    {
        var options = new LengthFieldFramingOptions(64, 2, 2, lengthAdjustment: -4, initialBytesToStrip: 4);
        var output = new ArrayBufferWriter<byte>();
        options.CreateEncoder().Encode("hi"u8, output);
        Assert.Equal("00000006" + Convert.ToHexString("hi"u8), Convert.ToHexString(output.WrittenSpan));
    }

    [Fact]
    public void WithTheHeaderKeptTheDecoderGivesThePayloadBehindIt()
    {
        var options = new LengthFieldFramingOptions(64, 0, 2, initialBytesToStrip: 0);
        var output = new ArrayBufferWriter<byte>();
        options.CreateEncoder().Encode("hi"u8, output);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.True(options.CreateDecoder().TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal("0002" + Convert.ToHexString("hi"u8), Convert.ToHexString(frame.ToArray()));
    }

    [Fact]
    public void TheOptionsEncoderRefusesAFrameOverTheDecodersMaximum()
    {
        var options = new LengthFieldFramingOptions(10, 0, 2, initialBytesToStrip: 2);
        var output = new ArrayBufferWriter<byte>();
        options.CreateEncoder().Encode(new byte[8], output);
        FramingException error = Assert.Throws<FramingException>(() => options.CreateEncoder().Encode(new byte[9], output));
        Assert.Equal(FramingError.Unencodable, error.Error);
        Assert.Equal(10, output.WrittenCount);
    }
}
