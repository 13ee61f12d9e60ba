using System;
using System.Buffers;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// A length field of 1, 2, 3, 4 or 8 bytes in either byte order. As Netty reads them, fields of 1 to 4 bytes
/// are unsigned and an 8-byte field is signed (a negative one is malformed).
/// </summary>
internal static class LengthField
{
    public static bool IsSupportedLength(int length) => length is 1 or 2 or 3 or 4 or 8;

    /// <summary>The largest value a field of <paramref name="length"/> bytes holds.</summary>
    public static long MaxValue(int length) => length == 8 ? long.MaxValue : (1L << (8 * length)) - 1;

    public static long Read(in ReadOnlySequence<byte> field, ByteOrder order)
    {
        Span<byte> bytes = stackalloc byte[8];
        bytes = bytes[..(int)field.Length];
        field.CopyTo(bytes);
        ulong value = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            value = (value << 8) | bytes[order == ByteOrder.BigEndian ? i : bytes.Length - 1 - i];
        }

        return unchecked((long)value);
    }

    public static void Write(Span<byte> field, long value, ByteOrder order)
    {
        ulong bits = unchecked((ulong)value);
        for (int i = 0; i < field.Length; i++)
        {
            field[order == ByteOrder.BigEndian ? field.Length - 1 - i : i] = (byte)bits;
            bits >>= 8;
        }
    }
}
