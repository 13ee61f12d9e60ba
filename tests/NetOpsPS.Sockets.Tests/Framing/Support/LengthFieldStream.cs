using System.Collections.Generic;
using System.Linq;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>
/// A hand-built stream of length-field frames and what Netty's rules make of it. The field is written here byte
/// by byte, not by the encoder under test; the expectations follow the rules as LengthFieldBasedFrameDecoder's
/// documentation states them.
/// </summary>
internal sealed class LengthFieldStream
{
    private readonly int _offset;
    private readonly int _fieldLength;
    private readonly int _adjustment;
    private readonly int _strip;
    private readonly int _max;
    private readonly ByteOrder _order;
    private readonly bool _failFast;
    private readonly List<byte> _bytes = [];
    private readonly List<string> _expected = [];

    public LengthFieldStream(int offset, int fieldLength, int adjustment, int strip, int max, ByteOrder order, bool failFast)
    {
        _offset = offset;
        _fieldLength = fieldLength;
        _adjustment = adjustment;
        _strip = strip;
        _max = max;
        _order = order;
        _failFast = failFast;
    }

    public int Header => _offset + _fieldLength;

    public byte[] ToArray() => [.. _bytes];

    public List<string> Expected() => [.. _expected];

    /// <summary>Adds a frame of <paramref name="frameLength"/> bytes, header included, when its field can say so.</summary>
    public bool Frame(int frameLength)
    {
        if (!TryBuild(frameLength, out byte[] frame))
        {
            return false;
        }

        _bytes.AddRange(frame);
        _expected.Add(
            frameLength > _max ? FrameEvents.Error(FramingError.TooLong)
            : _strip > frameLength ? FrameEvents.Error(FramingError.Malformed)
            : FrameEvents.Frame(frame[_strip..]));
        return true;
    }

    /// <summary>A header whose adjusted length is shorter than the header: Malformed, and only the header is skipped.</summary>
    public bool ShortHeader()
    {
        if (_adjustment >= 0)
        {
            return false;
        }

        _bytes.AddRange(HeaderWith(0));
        _expected.Add(FrameEvents.Error(FramingError.Malformed));
        return true;
    }

    /// <summary>The first <paramref name="present"/> bytes of a frame, then the end of the stream.</summary>
    public bool Truncated(int frameLength, int present)
    {
        if (present == 0 || !TryBuild(frameLength, out byte[] frame))
        {
            return false;
        }

        _bytes.AddRange(frame[..present]);
        if (frameLength > _max && present >= Header)
        {
            // Too long: reported when its field is read (fail-fast; the end is then a truncation) or at the end.
            _expected.Add(FrameEvents.Error(FramingError.TooLong));
            if (_failFast)
            {
                _expected.Add(FrameEvents.Error(FramingError.Truncated));
            }
        }
        else
        {
            _expected.Add(FrameEvents.Error(FramingError.Truncated));
        }

        return true;
    }

    private bool TryBuild(int frameLength, out byte[] frame)
    {
        long value = (long)frameLength - Header - _adjustment;
        long most = _fieldLength == 8 ? long.MaxValue : (1L << (8 * _fieldLength)) - 1;
        if (value < 0 || value > most)
        {
            frame = [];
            return false;
        }

        int seed = _bytes.Count;
        frame = [.. HeaderWith(value), .. Enumerable.Range(0, frameLength - Header).Select(i => (byte)(seed + (i * 3)))];
        return true;
    }

    private byte[] HeaderWith(long value)
    {
        var header = new byte[Header];
        for (int i = 0; i < _offset; i++)
        {
            header[i] = (byte)(0xC0 + i);
        }

        for (int i = 0; i < _fieldLength; i++)
        {
            int shift = 8 * (_order == ByteOrder.BigEndian ? _fieldLength - 1 - i : i);
            header[_offset + i] = (byte)(value >> shift);
        }

        return header;
    }
}
