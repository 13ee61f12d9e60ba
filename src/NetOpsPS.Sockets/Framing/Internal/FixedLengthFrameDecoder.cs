using System.Buffers;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>Netty's FixedLengthFrameDecoder: every frame is the next frame-length bytes. The caller never keeps more than one frame less a byte.</summary>
internal sealed class FixedLengthFrameDecoder : IFrameDecoder
{
    private readonly int _frameLength;

    public FixedLengthFrameDecoder(int frameLength)
    {
        _frameLength = frameLength;
    }

    public bool TryDecode(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        if (buffer.Length < _frameLength)
        {
            frame = default;
            return false;
        }

        frame = buffer.Slice(0, _frameLength);
        buffer = buffer.Slice(_frameLength);
        return true;
    }

    /// <summary>A partial frame left at the end is <see cref="FramingError.Truncated"/>; none left: false.</summary>
    public bool TryDecodeLast(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        if (TryDecode(ref buffer, out frame))
        {
            return true;
        }

        long length = buffer.Length;
        buffer = buffer.Slice(buffer.End);
        return length == 0
            ? false
            : throw new FramingException(FramingError.Truncated, $"The stream ended inside a frame: {length} of {_frameLength} bytes.");
    }
}
