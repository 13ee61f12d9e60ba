using System;
using System.Buffers;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// Netty's LengthFieldBasedFrameDecoder on a <see cref="ReadOnlySequence{T}"/>, rule for rule: a frame is
/// offset + field length + field value + adjustment bytes long, counted from its first byte; a frame shorter
/// than its header or a negative 8-byte field is malformed (the header is skipped); a frame longer than the
/// maximum is discarded as its bytes arrive, reported when its length field is read (fail-fast) or once it has
/// all gone by; a frame shorter than the bytes to strip is skipped whole and malformed. The frame handed out is
/// the slice after the stripped bytes.
/// </summary>
internal sealed class LengthFieldFrameDecoder : IFrameDecoder
{
    private readonly int _maxFrameLength;
    private readonly int _lengthFieldOffset;
    private readonly int _lengthFieldLength;
    private readonly int _lengthFieldEndOffset;
    private readonly int _lengthAdjustment;
    private readonly int _initialBytesToStrip;
    private readonly ByteOrder _byteOrder;
    private readonly bool _failFast;

    private bool _discarding;
    private long _bytesToDiscard;
    private long _tooLongFrameLength;

    public LengthFieldFrameDecoder(int maxFrameLength, int lengthFieldOffset, int lengthFieldLength, int lengthAdjustment, int initialBytesToStrip, ByteOrder byteOrder, bool failFast)
    {
        _maxFrameLength = maxFrameLength;
        _lengthFieldOffset = lengthFieldOffset;
        _lengthFieldLength = lengthFieldLength;
        _lengthFieldEndOffset = lengthFieldOffset + lengthFieldLength;
        _lengthAdjustment = lengthAdjustment;
        _initialBytesToStrip = initialBytesToStrip;
        _byteOrder = byteOrder;
        _failFast = failFast;
    }

    public bool TryDecode(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (_discarding && !Discard(ref buffer))
        {
            return false;
        }

        if (buffer.Length < _lengthFieldEndOffset)
        {
            return false;
        }

        long fieldValue = LengthField.Read(buffer.Slice(_lengthFieldOffset, _lengthFieldLength), _byteOrder);
        if (fieldValue < 0)
        {
            buffer = buffer.Slice(_lengthFieldEndOffset);
            throw new FramingException(FramingError.Malformed, $"Negative length field: {fieldValue}.");
        }

        // Int128: an 8-byte field plus the adjustment and the header can pass long.MaxValue.
        Int128 frameLength = (Int128)fieldValue + _lengthAdjustment + _lengthFieldEndOffset;
        if (frameLength < _lengthFieldEndOffset)
        {
            buffer = buffer.Slice(_lengthFieldEndOffset);
            throw new FramingException(FramingError.Malformed, $"Adjusted frame length ({frameLength}) is less than the length field's end offset ({_lengthFieldEndOffset}).");
        }

        if (frameLength > _maxFrameLength)
        {
            BeginDiscard(ref buffer, frameLength > long.MaxValue ? long.MaxValue : (long)frameLength);
            return false;
        }

        int length = (int)frameLength;
        if (buffer.Length < length)
        {
            return false;
        }

        if (_initialBytesToStrip > length)
        {
            buffer = buffer.Slice(length);
            throw new FramingException(FramingError.Malformed, $"Adjusted frame length ({length}) is less than the bytes to strip ({_initialBytesToStrip}).");
        }

        frame = buffer.Slice(_initialBytesToStrip, length - _initialBytesToStrip);
        buffer = buffer.Slice(length);
        return true;
    }

    /// <summary>
    /// A complete frame left is returned; a partial one, or a too-long frame still being discarded, is
    /// <see cref="FramingError.Truncated"/> (<see cref="FramingError.TooLong"/> when the too-long frame was not yet
    /// reported, without fail-fast). No bytes left: false.
    /// </summary>
    public bool TryDecodeLast(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        if (TryDecode(ref buffer, out frame))
        {
            return true;
        }

        bool discarding = _discarding;
        long length = buffer.Length;
        _discarding = false;
        _bytesToDiscard = 0;
        buffer = buffer.Slice(buffer.End);
        if (discarding)
        {
            throw _failFast
                ? new FramingException(FramingError.Truncated, $"The stream ended inside a frame of {_tooLongFrameLength} bytes, longer than the maximum of {_maxFrameLength}.")
                : TooLong();
        }

        return length == 0
            ? false
            : throw new FramingException(FramingError.Truncated, $"The stream ended inside a frame: {length} bytes left.");
    }

    /// <summary>Netty's exceededFrameLength: drop what is here of the frame, and the rest as it comes.</summary>
    private void BeginDiscard(ref ReadOnlySequence<byte> buffer, long frameLength)
    {
        _tooLongFrameLength = frameLength;
        if (buffer.Length >= frameLength)
        {
            buffer = buffer.Slice(frameLength);
            throw TooLong();
        }

        _discarding = true;
        _bytesToDiscard = frameLength - buffer.Length;
        buffer = buffer.Slice(buffer.End);
        if (_failFast)
        {
            throw TooLong();
        }
    }

    /// <summary>Drops the next bytes of the too-long frame; true once it has all gone by.</summary>
    private bool Discard(ref ReadOnlySequence<byte> buffer)
    {
        long length = Math.Min(_bytesToDiscard, buffer.Length);
        buffer = buffer.Slice(length);
        _bytesToDiscard -= length;
        if (_bytesToDiscard > 0)
        {
            return false;
        }

        _discarding = false;
        return _failFast ? true : throw TooLong();
    }

    private FramingException TooLong() =>
        new(FramingError.TooLong, $"Adjusted frame length ({_tooLongFrameLength}) is longer than the maximum of {_maxFrameLength} bytes; the frame is discarded.");
}
