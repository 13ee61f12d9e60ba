using System;
using NetOpsPS.Sockets.Framing.Internal;

namespace NetOpsPS.Sockets.Framing;

/// <summary>Frames of one fixed length, as Netty's FixedLengthFrameDecoder cuts them.</summary>
public sealed class FixedLengthFramingOptions : FramingOptions
{
    /// <summary>Validates and keeps the setting.</summary>
    /// <param name="frameLength">The length of every frame, in bytes; at least 1.</param>
    public FixedLengthFramingOptions(int frameLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameLength);
        FrameLength = frameLength;
    }

    /// <summary>The length of every frame, in bytes.</summary>
    public int FrameLength { get; }

    /// <inheritdoc/>
    public override IFrameDecoder CreateDecoder() => new FixedLengthFrameDecoder(FrameLength);

    /// <summary>Writes the payload as it is; any payload not exactly <see cref="FrameLength"/> bytes long is unencodable (never padded).</summary>
    public override IFrameEncoder CreateEncoder() => new FixedLengthFrameEncoder(FrameLength);

    /// <inheritdoc/>
    public override string Describe() => $"fixed length: {FrameLength} bytes";
}
