using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Tests.Framing.Support;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class LengthFieldFramingTests
{
    private static readonly byte[] HelloWorld = Encoding.ASCII.GetBytes("HELLO, WORLD");

    /// <summary>Field lengths × byte orders × offsets × adjustments (the field counting the header, -1, 0, +2) × bytes to strip × fail-fast.</summary>
    public static IEnumerable<object[]> Layouts() =>
        from fieldLength in new[] { 1, 2, 3, 4, 8 }
        from order in new[] { ByteOrder.BigEndian, ByteOrder.LittleEndian }
        from offset in new[] { 0, 3 }
        let header = offset + fieldLength
        from adjustment in new[] { -header, -1, 0, 2 }.Distinct()
        from strip in new[] { 0, header, header + 1 }
        from failFast in new[] { true, false }
        select new object[] { fieldLength, order, offset, adjustment, strip, failFast };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryLayoutDecodesAlikeAtEverySplitAndByteByByte(int fieldLength, ByteOrder order, int offset, int adjustment, int strip, bool failFast)
    {
        int header = offset + fieldLength;
        int max = header + 12;
        var options = new LengthFieldFramingOptions(max, offset, fieldLength, adjustment, strip, order, failFast);
        foreach (Func<LengthFieldStream, bool> end in new Func<LengthFieldStream, bool>[]
        {
            _ => true,
            s => s.Truncated(header + 5, header - 1),
            s => s.Truncated(header + 5, header + 2),
            s => s.Truncated(max + 9, header + 3),
        })
        {
            var stream = new LengthFieldStream(offset, fieldLength, adjustment, strip, max, order, failFast);
            stream.Frame(header);
            stream.Frame(header + 1);
            stream.Frame(header + 5);
            stream.ShortHeader();
            stream.Frame(max + 1);
            stream.Frame(header + 2);
            stream.Frame(max);
            stream.Frame(max + 9);
            stream.Frame(header + 3);
            if (end(stream))
            {
                // Never more than one frame, less a byte, waiting.
                Splits.AssertEveryWay(options.CreateDecoder, stream.ToArray(), stream.Expected(), max - 1);
            }
        }
    }

    public static IEnumerable<object[]> NettyExamples() =>
    [
        // Netty's javadoc, example by example: offset, field length, adjustment, strip, frame, what comes out.
        [0, 2, 0, 0, "000C" + Hex(HelloWorld), "000C" + Hex(HelloWorld)],
        [0, 2, 0, 2, "000C" + Hex(HelloWorld), Hex(HelloWorld)],
        [0, 2, -2, 0, "000E" + Hex(HelloWorld), "000E" + Hex(HelloWorld)],
        [2, 3, 0, 0, "CAFE00000C" + Hex(HelloWorld), "CAFE00000C" + Hex(HelloWorld)],
        [0, 3, 2, 0, "00000CCAFE" + Hex(HelloWorld), "00000CCAFE" + Hex(HelloWorld)],
        [1, 2, 1, 3, "CA000CFE" + Hex(HelloWorld), "FE" + Hex(HelloWorld)],
        [1, 2, -3, 3, "CA0010FE" + Hex(HelloWorld), "FE" + Hex(HelloWorld)],
    ];

    [Theory]
    [MemberData(nameof(NettyExamples))]
    public void NettysDocumentedExamplesDecodeAsDocumented(int offset, int fieldLength, int adjustment, int strip, string frameHex, string expectedHex)
    {
        var options = new LengthFieldFramingOptions(64, offset, fieldLength, adjustment, strip);
        byte[] frame = Convert.FromHexString(frameHex);
        string expected = FrameEvents.Frame(Convert.FromHexString(expectedHex));
        Splits.AssertEveryWay(options.CreateDecoder, [.. frame, .. frame], [expected, expected], 63);
    }

    [Fact]
    public void FailFastThrowsAsSoonAsTheLengthFieldIsReadThenDiscardsTheFrameAsItArrives()
    {
        IFrameDecoder decoder = new LengthFieldFramingOptions(16, 0, 2, initialBytesToStrip: 2, failFast: true).CreateDecoder();
        var buffer = new ReadOnlySequence<byte>([0x00, 0xFF, 1, 2]);
        FramingException error = Assert.Throws<FramingException>(() => decoder.TryDecode(ref buffer, out _));
        Assert.Equal(FramingError.TooLong, error.Error);
        Assert.True(buffer.IsEmpty);

        buffer = new ReadOnlySequence<byte>(new byte[252]);
        Assert.False(decoder.TryDecode(ref buffer, out _));
        Assert.True(buffer.IsEmpty);

        buffer = new ReadOnlySequence<byte>([7, 0x00, 0x01, 42]);
        Assert.True(decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal([42], frame.ToArray());
    }

    [Fact]
    public void WithoutFailFastTooLongIsThrownOnlyOnceTheWholeFrameHasGoneBy()
    {
        IFrameDecoder decoder = new LengthFieldFramingOptions(16, 0, 2, initialBytesToStrip: 2, failFast: false).CreateDecoder();
        var buffer = new ReadOnlySequence<byte>([0x00, 0xFF, 1, 2]);
        Assert.False(decoder.TryDecode(ref buffer, out _));
        Assert.True(buffer.IsEmpty);
        buffer = new ReadOnlySequence<byte>(new byte[252]);
        Assert.False(decoder.TryDecode(ref buffer, out _));

        buffer = new ReadOnlySequence<byte>([7, 0x00, 0x01, 42]);
        FramingException error = Assert.Throws<FramingException>(() => decoder.TryDecode(ref buffer, out _));
        Assert.Equal(FramingError.TooLong, error.Error);
        Assert.Contains("257", error.Message);
        Assert.True(decoder.TryDecode(ref buffer, out ReadOnlySequence<byte> frame));
        Assert.Equal([42], frame.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ATenMegabyteFrameIsDiscardedWithoutEverBeingBuffered(bool failFast)
    {
        const int Length = 10 * 1024 * 1024;
        var options = new LengthFieldFramingOptions(1024, 0, 4, initialBytesToStrip: 4, failFast: failFast);
        byte[] chunk = new byte[64 * 1024];
        var chunks = new List<byte[]> { new byte[] { 0x00, 0xA0, 0x00, 0x00 } };
        chunks.AddRange(Enumerable.Repeat(chunk, Length / chunk.Length));
        chunks.Add([0, 0, 0, 2, (byte)'o', (byte)'k']);
        DecodeResult run = DecoderDriver.Run(options.CreateDecoder(), chunks);
        Splits.AssertRun(run, "10 MB", [FrameEvents.Error(FramingError.TooLong), FrameEvents.Frame("ok")], 0);
    }

    [Fact]
    public void ANegativeEightByteFieldIsMalformedAndOnlyItsHeaderSkipped()
    {
        var options = new LengthFieldFramingOptions(64, 1, 8, initialBytesToStrip: 9);
        byte[] stream = [0xAA, .. Enumerable.Repeat((byte)0xFF, 8), 0xAA, 0, 0, 0, 0, 0, 0, 0, 1, (byte)'x'];
        Splits.AssertEveryWay(options.CreateDecoder, stream, [FrameEvents.Error(FramingError.Malformed), FrameEvents.Frame("x")], 63);
    }

    [Theory]
    [InlineData(ByteOrder.BigEndian, "7FFFFFFFFFFFFFFF")]
    [InlineData(ByteOrder.LittleEndian, "FFFFFFFFFFFFFF7F")]
    public void TheLargestEightByteFieldWithAPositiveAdjustmentIsTooLongNotAnOverflow(ByteOrder order, string field)
    {
        var options = new LengthFieldFramingOptions(64, 0, 8, lengthAdjustment: int.MaxValue, byteOrder: order, failFast: true);
        Splits.AssertEveryWay(
            options.CreateDecoder,
            [.. Convert.FromHexString(field), 1, 2, 3],
            [FrameEvents.Error(FramingError.TooLong), FrameEvents.Error(FramingError.Truncated)],
            63);
    }

    [Fact]
    public void AFrameShorterThanTheBytesToStripIsSkippedWholeAndMalformed()
    {
        var options = new LengthFieldFramingOptions(64, 0, 1, initialBytesToStrip: 3);
        Splits.AssertEveryWay(
            options.CreateDecoder,
            [1, 9, 3, 7, 8, 9],
            [FrameEvents.Error(FramingError.Malformed), FrameEvents.Frame([9])],
            63);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
