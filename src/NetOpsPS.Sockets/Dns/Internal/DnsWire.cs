using System;
using System.Buffers.Binary;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>
/// The few fields of a DNS message the proxy needs, read in place (RFC 1035 §4.1): header bits, the
/// question's extent, and the walk over the resource records for TTL offsets. No object per record:
/// the proxy forwards and caches the bytes it got.
/// </summary>
internal static class DnsWire
{
    public const int HeaderLength = 12;
    public const int MaxNameLength = 255;
    public const ushort TypeOpt = 41;
    public const ushort TypeSoa = 6;

    public static ushort Id(ReadOnlySpan<byte> m) => BinaryPrimitives.ReadUInt16BigEndian(m);

    public static void SetId(Span<byte> m, ushort id) => BinaryPrimitives.WriteUInt16BigEndian(m, id);

    public static bool IsResponse(ReadOnlySpan<byte> m) => (m[2] & 0x80) != 0;

    public static int Opcode(ReadOnlySpan<byte> m) => (m[2] >> 3) & 0x0F;

    public static bool IsTruncated(ReadOnlySpan<byte> m) => (m[2] & 0x02) != 0;

    public static bool CheckingDisabled(ReadOnlySpan<byte> m) => (m[3] & 0x10) != 0;

    public static int Rcode(ReadOnlySpan<byte> m) => m[3] & 0x0F;

    public static ushort Count(ReadOnlySpan<byte> m, int section) => BinaryPrimitives.ReadUInt16BigEndian(m[(4 + (2 * section))..]);

    /// <summary>
    /// The end offset of the single question (name, type, class), or -1 when the message has not
    /// exactly one well-formed question. A query's question holds no compression pointer.
    /// </summary>
    public static int QuestionEnd(ReadOnlySpan<byte> m)
    {
        if (m.Length < HeaderLength || Count(m, 0) != 1)
        {
            return -1;
        }

        int end = SkipName(m, HeaderLength, allowPointer: false);
        return end < 0 || end + 4 > m.Length ? -1 : end + 4;
    }

    /// <summary>Both questions name the same name (ASCII case-insensitive, RFC 4343), type and class.</summary>
    public static bool SameQuestion(ReadOnlySpan<byte> a, int aEnd, ReadOnlySpan<byte> b)
    {
        int bEnd = QuestionEnd(b);
        if (bEnd != aEnd)
        {
            return false;
        }

        ReadOnlySpan<byte> qa = a[HeaderLength..aEnd];
        ReadOnlySpan<byte> qb = b[HeaderLength..bEnd];
        for (int i = 0; i < qa.Length; i++)
        {
            if (Lower(qa[i]) != Lower(qb[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static byte Lower(byte c) => c is >= (byte)'A' and <= (byte)'Z' ? (byte)(c | 0x20) : c;

    /// <summary>Offset just past a name at <paramref name="offset"/>, or -1 when it is malformed.</summary>
    public static int SkipName(ReadOnlySpan<byte> m, int offset, bool allowPointer = true)
    {
        int length = 0;
        while (offset < m.Length)
        {
            byte label = m[offset];
            if (label == 0)
            {
                return offset + 1;
            }

            if ((label & 0xC0) == 0xC0)
            {
                // RFC 1035 §4.1.4: a pointer ends the name; the proxy never follows it.
                return allowPointer && offset + 2 <= m.Length ? offset + 2 : -1;
            }

            if ((label & 0xC0) != 0)
            {
                return -1;
            }

            length += label + 1;
            if (length > MaxNameLength)
            {
                return -1;
            }

            offset += label + 1;
        }

        return -1;
    }
}
