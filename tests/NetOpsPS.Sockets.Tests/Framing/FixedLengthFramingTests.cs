using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Tests.Framing.Support;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Framing;

public sealed class FixedLengthFramingTests
{
    public static IEnumerable<object[]> Cases() =>
        from frameLength in new[] { 1, 3, 7 }
        from frames in new[] { 0, 1, 4 }
        from extra in new[] { 0, 1, frameLength - 1 }.Distinct().Where(e => e < frameLength)
        select new object[] { frameLength, frames, extra };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStreamDecodesAlikeAtEverySplitAndByteByByte(int frameLength, int frames, int extra)
    {
        byte[] stream = Enumerable.Range(0, (frames * frameLength) + extra).Select(i => (byte)(i * 7)).ToArray();
        var expected = Enumerable.Range(0, frames)
            .Select(i => FrameEvents.Frame(stream[(i * frameLength)..((i + 1) * frameLength)]))
            .ToList();
        if (extra > 0)
        {
            expected.Add(FrameEvents.Error(FramingError.Truncated));
        }

        Splits.AssertEveryWay(new FixedLengthFramingOptions(frameLength).CreateDecoder, stream, expected, frameLength - 1);
    }

    [Fact]
    public void TheEncoderWritesAPayloadOfExactlyOneFrame()
    {
        var output = new ArrayBufferWriter<byte>();
        new FixedLengthFramingOptions(3).CreateEncoder().Encode("abc"u8, output);
        Assert.Equal("abc"u8.ToArray(), output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void TheEncoderRefusesAnyOtherLengthRatherThanPad(int length)
    {
        var output = new ArrayBufferWriter<byte>();
        FramingException error = Assert.Throws<FramingException>(() => new FixedLengthFramingOptions(3).CreateEncoder().Encode(new byte[length], output));
        Assert.Equal(FramingError.Unencodable, error.Error);
        Assert.Equal(0, output.WrittenCount);
    }
}
