using System;
using System.Buffers;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Tests.Client;

/// <summary>
/// A minimal LF/CRLF line codec, so the client's tests do not hang on the framing work landing; it strips the ending,
/// and a line longer than <see cref="MaxLength"/> is a framing error.
/// </summary>
internal sealed class TestLineCodec : IFrameDecoder, IFrameEncoder
{
    public TestLineCodec(int maxLength = 1024) => MaxLength = maxLength;

    public int MaxLength { get; }

    public bool TryDecode(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        SequencePosition? lineFeed = buffer.PositionOf((byte)'\n');
        if (lineFeed is null)
        {
            frame = default;
            return buffer.Length > MaxLength
                ? throw new FramingException(FramingError.TooLong, $"more than {MaxLength} bytes without a line feed")
                : false;
        }

        frame = buffer.Slice(0, lineFeed.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, lineFeed.Value));
        if (frame.Length > 0 && frame.Slice(frame.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            frame = frame.Slice(0, frame.Length - 1);
        }

        return frame.Length <= MaxLength
            ? true
            : throw new FramingException(FramingError.TooLong, $"a line of {frame.Length} bytes is longer than {MaxLength}");
    }

    public bool TryDecodeLast(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = buffer;
        buffer = buffer.Slice(buffer.End);
        return !frame.IsEmpty;
    }

    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        if (payload.IndexOf((byte)'\n') >= 0)
        {
            throw new FramingException(FramingError.Unencodable, "a line cannot hold a line feed");
        }

        output.Write(payload);
        output.Write("\n"u8);
    }
}
