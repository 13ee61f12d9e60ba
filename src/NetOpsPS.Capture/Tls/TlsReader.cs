using System;
using System.Buffers.Binary;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// A bounds-checked cursor over TLS presentation-language bytes (RFC 8446 §3): every read says whether the
/// bytes were there, so a truncated or lying length field can never read past the buffer.
/// </summary>
internal ref struct TlsReader
{
    private readonly ReadOnlySpan<byte> _buffer;

    public TlsReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _buffer.Length - Position;

    public readonly bool IsEmpty => Remaining == 0;

    public bool TryReadByte(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return false;
        }

        value = _buffer[Position++];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        if (Remaining < 2)
        {
            value = 0;
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_buffer.Slice(Position, 2));
        Position += 2;
        return true;
    }

    public bool TryReadUInt24(out int value)
    {
        if (Remaining < 3)
        {
            value = 0;
            return false;
        }

        value = (_buffer[Position] << 16) | (_buffer[Position + 1] << 8) | _buffer[Position + 2];
        Position += 3;
        return true;
    }

    public bool TrySkip(int count)
    {
        if (count < 0 || Remaining < count)
        {
            Position = _buffer.Length;
            return false;
        }

        Position += count;
        return true;
    }

    /// <summary>
    /// Reads a vector of <paramref name="declared"/> bytes. When fewer are present, returns what there is
    /// and false, so callers keep the partial content of a truncated message.
    /// </summary>
    public bool TryReadBytes(int declared, out ReadOnlySpan<byte> bytes)
    {
        int available = Math.Min(declared, Remaining);
        bytes = _buffer.Slice(Position, available);
        Position += available;
        return available == declared;
    }

    /// <summary>Reads a vector whose length is given by a 1- or 2-byte prefix (RFC 8446 §3.4).</summary>
    public bool TryReadVector(int prefixBytes, out ReadOnlySpan<byte> bytes, out int declared)
    {
        bytes = default;
        declared = 0;
        if (prefixBytes == 1)
        {
            if (!TryReadByte(out byte b))
            {
                return false;
            }

            declared = b;
        }
        else
        {
            if (!TryReadUInt16(out ushort s))
            {
                return false;
            }

            declared = s;
        }

        return TryReadBytes(declared, out bytes);
    }
}
