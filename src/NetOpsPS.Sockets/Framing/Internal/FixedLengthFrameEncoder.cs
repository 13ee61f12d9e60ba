using System;
using System.Buffers;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// Writes a payload that is exactly one frame long, as it is. Netty has no such encoder; padding or cutting would
/// change what the peer reads, so any other length is <see cref="FramingError.Unencodable"/>.
/// </summary>
internal sealed class FixedLengthFrameEncoder : IFrameEncoder
{
    private readonly int _frameLength;

    public FixedLengthFrameEncoder(int frameLength)
    {
        _frameLength = frameLength;
    }

    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        if (payload.Length != _frameLength)
        {
            throw new FramingException(FramingError.Unencodable, $"A payload of {payload.Length} bytes is not one frame of exactly {_frameLength} bytes.");
        }

        output.Write(payload);
    }
}
