using System;
using System.Buffers;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// Netty's LengthFieldPrepender: writes the length field, then the payload. The field holds the payload length
/// plus the adjustment, plus the field's own length when it counts itself. Two additions, both for the encoder
/// that <see cref="LengthFieldFramingOptions"/> pairs with its decoder: zero bytes written before the field
/// (the decoder's field offset; none in Netty), and a refusal of frames longer than the decoder's maximum.
/// A length that is negative or does not fit the field is <see cref="FramingError.Unencodable"/>, where Netty
/// throws IllegalArgumentException.
/// </summary>
internal sealed class LengthFieldPrepender : IFrameEncoder
{
    private readonly int _lengthFieldLength;
    private readonly long _lengthAdjustment;
    private readonly bool _lengthIncludesLengthFieldLength;
    private readonly ByteOrder _byteOrder;
    private readonly int _lengthFieldOffset;
    private readonly int _maxFrameLength;

    public LengthFieldPrepender(
        int lengthFieldLength,
        long lengthAdjustment = 0,
        bool lengthIncludesLengthFieldLength = false,
        ByteOrder byteOrder = ByteOrder.BigEndian,
        int lengthFieldOffset = 0,
        int maxFrameLength = int.MaxValue)
    {
        _lengthFieldLength = lengthFieldLength;
        _lengthAdjustment = lengthAdjustment;
        _lengthIncludesLengthFieldLength = lengthIncludesLengthFieldLength;
        _byteOrder = byteOrder;
        _lengthFieldOffset = lengthFieldOffset;
        _maxFrameLength = maxFrameLength;
    }

    public void Encode(ReadOnlySpan<byte> payload, IBufferWriter<byte> output)
    {
        int header = _lengthFieldOffset + _lengthFieldLength;
        long frameLength = (long)header + payload.Length;
        if (frameLength > _maxFrameLength)
        {
            throw new FramingException(FramingError.Unencodable, $"A frame of {frameLength} bytes is longer than the maximum of {_maxFrameLength} bytes.");
        }

        long length = (long)payload.Length + _lengthAdjustment + (_lengthIncludesLengthFieldLength ? _lengthFieldLength : 0);
        if (length < 0)
        {
            throw new FramingException(FramingError.Unencodable, $"Adjusted frame length ({length}) is less than zero.");
        }

        if (length > LengthField.MaxValue(_lengthFieldLength))
        {
            throw new FramingException(FramingError.Unencodable, $"Length {length} does not fit a {_lengthFieldLength}-byte length field.");
        }

        Span<byte> span = output.GetSpan((int)frameLength);
        span[.._lengthFieldOffset].Clear();
        LengthField.Write(span[_lengthFieldOffset..header], length, _byteOrder);
        payload.CopyTo(span[header..]);
        output.Advance((int)frameLength);
    }
}
