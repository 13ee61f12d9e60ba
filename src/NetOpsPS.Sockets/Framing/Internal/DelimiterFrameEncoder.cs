using System;
using System.Buffers;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// Writes a payload and the first delimiter of the set (Netty has no such encoder; this is the one that matches
/// <see cref="DelimiterFrameDecoder"/>). A payload the decoder would not read back as one frame is
/// <see cref="FramingError.Unencodable"/>: one longer than the maximum, one holding a delimiter, or one whose end
/// and the delimiter written after it make a delimiter that starts inside the payload ("a\r" + "\n").
/// </summary>
internal sealed class DelimiterFrameEncoder : IFrameEncoder
{
    private readonly DelimiterSet _delimiters;
    private readonly int _maxFrameLength;

    public DelimiterFrameEncoder(DelimiterSet delimiters, int maxFrameLength)
    {
        _delimiters = delimiters;
        _maxFrameLength = maxFrameLength;
    }

    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        if (payload.Length > _maxFrameLength)
        {
            throw new FramingException(FramingError.Unencodable, $"A payload of {payload.Length} bytes is longer than the maximum frame of {_maxFrameLength} bytes.");
        }

        ReadOnlySpan<byte> delimiter = _delimiters[0];
        int length = payload.Length + delimiter.Length;
        Memory<byte> memory = output.GetMemory(length)[..length];
        payload.CopyTo(memory.Span);
        delimiter.CopyTo(memory.Span[payload.Length..]);

        // The decoder's own search over what would be sent: nothing is committed unless it cuts right there.
        DelimiterMatch match = _delimiters.Find(new ReadOnlySequence<byte>(memory), 0, endOfStream: false);
        if (match.Position != payload.Length || match.Index != 0)
        {
            throw new FramingException(FramingError.Unencodable, $"The payload cannot be framed: a delimiter would end the frame at byte {match.Position} of {payload.Length}.");
        }

        output.Advance(length);
    }
}
