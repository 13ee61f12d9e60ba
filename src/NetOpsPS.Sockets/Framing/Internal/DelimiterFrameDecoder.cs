using System.Buffers;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// Netty's DelimiterBasedFrameDecoder (and LineBasedFrameDecoder, which is this with "\n" and "\r\n") on a
/// <see cref="ReadOnlySequence{T}"/>: frames are slices of the caller's buffer.
/// </summary>
/// <remarks>
/// The maximum counts the payload without its delimiter, as Netty's does. A frame found whole and too long is
/// skipped and reported at once. A frame seen to be too long before its delimiter has come is discarded as its
/// bytes arrive (Netty's discard mode), so the caller never keeps more than the maximum plus a delimiter's
/// length: with fail-fast it is reported when first seen, without when its delimiter ends it. Either way the
/// decoder then goes on with the next frame.
/// </remarks>
internal sealed class DelimiterFrameDecoder : IFrameDecoder
{
    private readonly DelimiterSet _delimiters;
    private readonly int _maxFrameLength;
    private readonly bool _stripDelimiter;
    private readonly bool _failFast;

    // Bytes at the start of the buffer known to start no delimiter: a frame that arrives in many reads is
    // searched once, not once a read (Netty's LineBasedFrameDecoder keeps the same offset).
    private long _searched;
    private bool _discarding;
    private long _discarded;

    public DelimiterFrameDecoder(DelimiterSet delimiters, int maxFrameLength, bool stripDelimiter, bool failFast)
    {
        _delimiters = delimiters;
        _maxFrameLength = maxFrameLength;
        _stripDelimiter = stripDelimiter;
        _failFast = failFast;
    }

    public bool TryDecode(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame) =>
        Decode(ref buffer, out frame, endOfStream: false);

    /// <summary>
    /// Cuts what can still be cut now that no byte will come (a delimiter that waited for a longer one that cannot
    /// come any more). Bytes left without a delimiter are <see cref="FramingError.Truncated"/>; a too-long frame
    /// still being discarded is <see cref="FramingError.TooLong"/> when not yet reported (no fail-fast), else
    /// <see cref="FramingError.Truncated"/>. No bytes left: false.
    /// </summary>
    public bool TryDecodeLast(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        if (Decode(ref buffer, out frame, endOfStream: true))
        {
            return true;
        }

        bool discarding = _discarding;
        long length = _discarded + buffer.Length;
        _discarding = false;
        _discarded = 0;
        _searched = 0;
        buffer = buffer.Slice(buffer.End);
        if (discarding)
        {
            throw _failFast
                ? new FramingException(FramingError.Truncated, $"The stream ended inside a frame longer than the maximum of {_maxFrameLength} bytes.")
                : TooLong(length);
        }

        return length == 0
            ? false
            : throw new FramingException(FramingError.Truncated, $"The stream ended inside a frame: {length} bytes without a delimiter.");
    }

    private bool Decode(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame, bool endOfStream)
    {
        frame = default;
        while (true)
        {
            DelimiterMatch match = _delimiters.Find(buffer, _searched <= buffer.Length ? _searched : 0, endOfStream);
            if (!match.IsCut)
            {
                return Wait(ref buffer, match.Position);
            }

            long end = match.Position + _delimiters[match.Index].Length;
            _searched = 0;
            if (_discarding)
            {
                // Netty: the delimiter ends the frame being discarded; report it now unless fail-fast already did.
                long length = _discarded + match.Position;
                _discarding = false;
                _discarded = 0;
                buffer = buffer.Slice(end);
                if (!_failFast)
                {
                    throw TooLong(length);
                }

                continue;
            }

            if (match.Position > _maxFrameLength)
            {
                buffer = buffer.Slice(end);
                throw TooLong(match.Position);
            }

            frame = buffer.Slice(0, _stripDelimiter ? match.Position : end);
            buffer = buffer.Slice(end);
            return true;
        }
    }

    /// <summary>No delimiter yet: the bytes before <paramref name="payloadEnd"/> are payload whatever comes next.</summary>
    private bool Wait(ref ReadOnlySequence<byte> buffer, long payloadEnd)
    {
        if (_discarding)
        {
            _discarded += payloadEnd;
            buffer = buffer.Slice(payloadEnd);
            _searched = 0;
            return false;
        }

        if (payloadEnd <= _maxFrameLength)
        {
            _searched = payloadEnd;
            return false;
        }

        _discarding = true;
        _discarded = payloadEnd;
        buffer = buffer.Slice(payloadEnd);
        _searched = 0;
        return _failFast
            ? throw new FramingException(FramingError.TooLong, $"More than {_maxFrameLength} bytes without a delimiter: the frame is longer than the maximum of {_maxFrameLength} bytes and is being discarded.")
            : false;
    }

    private FramingException TooLong(long length) =>
        new(FramingError.TooLong, $"A frame of {length} bytes is longer than the maximum of {_maxFrameLength} bytes; it was discarded.");
}
