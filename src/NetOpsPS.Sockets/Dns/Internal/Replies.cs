using System;
using System.Buffers.Binary;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>Replies the proxy makes itself: an error RCODE over the client's header and question.</summary>
internal static class Replies
{
    public const int FormErr = 1;
    public const int ServFail = 2;
    public const int NotImp = 4;

    /// <summary>
    /// The query's header (id, opcode, RD) with QR, RA and <paramref name="rcode"/>, followed by its
    /// question when <paramref name="questionEnd"/> is known (RFC 1035 §4.1.1), no records.
    /// </summary>
    public static int Error(ReadOnlySpan<byte> query, int questionEnd, int rcode, Span<byte> reply)
    {
        int length = questionEnd > 0 ? questionEnd : DnsWire.HeaderLength;
        query[..length].CopyTo(reply);
        reply[2] = (byte)(0x80 | (query[2] & 0x79));
        reply[3] = (byte)(0x80 | rcode);
        BinaryPrimitives.WriteUInt16BigEndian(reply[4..], (ushort)(questionEnd > 0 ? 1 : 0));
        SetCounts(reply, 0, 0, 0);
        return length;
    }

    public static void SetCounts(Span<byte> message, int answers, int authorities, int additionals)
    {
        BinaryPrimitives.WriteUInt16BigEndian(message[6..], (ushort)answers);
        BinaryPrimitives.WriteUInt16BigEndian(message[8..], (ushort)authorities);
        BinaryPrimitives.WriteUInt16BigEndian(message[10..], (ushort)additionals);
    }
}
