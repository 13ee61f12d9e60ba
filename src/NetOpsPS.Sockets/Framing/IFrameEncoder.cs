using System;
using System.Buffers;

namespace NetOpsPS.Sockets.Framing;

/// <summary>Writes one payload as one frame (the matching half of an <see cref="IFrameDecoder"/>).</summary>
public interface IFrameEncoder
{
    /// <summary>Writes the framed <paramref name="payload"/> to <paramref name="output"/>. Throws <see cref="FramingException"/> when it cannot be framed.</summary>
    void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output);
}
