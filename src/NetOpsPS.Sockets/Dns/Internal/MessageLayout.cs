using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>
/// One walk over a message's resource records: where each TTL sits (to age cached answers in place),
/// the smallest TTL, the negative-caching TTL from the authority SOA, and the OPT record.
/// </summary>
internal sealed class MessageLayout
{
    private MessageLayout(int[] ttlOffsets, uint minTtl, uint? soaNegativeTtl, int optOffset, int optLength, ushort udpPayload, bool dnssecOk)
    {
        TtlOffsets = ttlOffsets;
        MinTtl = minTtl;
        SoaNegativeTtl = soaNegativeTtl;
        OptOffset = optOffset;
        OptLength = optLength;
        UdpPayloadSize = udpPayload;
        DnssecOk = dnssecOk;
    }

    /// <summary>Offsets of the TTL field of every record but OPT.</summary>
    public int[] TtlOffsets { get; }

    /// <summary>Smallest TTL of the answer and authority records (uint.MaxValue when there are none).</summary>
    public uint MinTtl { get; }

    /// <summary>RFC 2308 §5: min(SOA TTL, SOA MINIMUM) of the authority SOA, when there is one.</summary>
    public uint? SoaNegativeTtl { get; }

    /// <summary>Offset of the OPT record, -1 without one.</summary>
    public int OptOffset { get; }

    /// <summary>Length of the OPT record in bytes.</summary>
    public int OptLength { get; }

    /// <summary>RFC 6891 §6.2.3: the sender's UDP payload size; 512 without OPT.</summary>
    public ushort UdpPayloadSize { get; }

    /// <summary>RFC 3225: the DO bit of the OPT record.</summary>
    public bool DnssecOk { get; }

    public bool HasOpt => OptOffset >= 0;

    /// <summary>The layout of <paramref name="m"/> after its question, or null when a record runs past the end.</summary>
    public static MessageLayout? Read(ReadOnlySpan<byte> m, int questionEnd)
    {
        int total = DnsWire.Count(m, 1) + DnsWire.Count(m, 2) + DnsWire.Count(m, 3);
        int authorityStart = DnsWire.Count(m, 1);
        int additionalStart = authorityStart + DnsWire.Count(m, 2);
        List<int>? ttls = null;
        uint minTtl = uint.MaxValue;
        uint? soaNegative = null;
        int optOffset = -1, optLength = 0;
        ushort payload = 512;
        bool dnssecOk = false;
        int offset = questionEnd;
        for (int i = 0; i < total; i++)
        {
            int start = offset;
            offset = DnsWire.SkipName(m, offset);
            if (offset < 0 || offset + 10 > m.Length)
            {
                return null;
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(m[offset..]);
            ushort rdLength = BinaryPrimitives.ReadUInt16BigEndian(m[(offset + 8)..]);
            int rdata = offset + 10;
            if (rdata + rdLength > m.Length)
            {
                return null;
            }

            if (type == DnsWire.TypeOpt)
            {
                // RFC 6891 §6.1.3: CLASS is the payload size, the TTL carries the extended flags (DO is the top bit).
                optOffset = start;
                optLength = rdata + rdLength - start;
                payload = Math.Max((ushort)512, BinaryPrimitives.ReadUInt16BigEndian(m[(offset + 2)..]));
                dnssecOk = (m[offset + 6] & 0x80) != 0;
            }
            else
            {
                uint ttl = BinaryPrimitives.ReadUInt32BigEndian(m[(offset + 4)..]) & 0x7FFFFFFF;
                (ttls ??= new List<int>(total)).Add(offset + 4);
                if (i < additionalStart)
                {
                    minTtl = Math.Min(minTtl, ttl);
                }

                if (type == DnsWire.TypeSoa && i >= authorityStart && i < additionalStart && soaNegative is null)
                {
                    soaNegative = SoaMinimum(m, rdata, rdLength) is uint minimum ? Math.Min(ttl, minimum) : null;
                }
            }

            offset = rdata + rdLength;
        }

        return new MessageLayout(ttls?.ToArray() ?? [], minTtl, soaNegative, optOffset, optLength, payload, dnssecOk);
    }

    // SOA RDATA: MNAME, RNAME, then SERIAL REFRESH RETRY EXPIRE MINIMUM (RFC 1035 §3.3.13).
    private static uint? SoaMinimum(ReadOnlySpan<byte> m, int rdata, int rdLength)
    {
        int end = rdata + rdLength;
        int offset = DnsWire.SkipName(m[..end], rdata);
        offset = offset < 0 ? -1 : DnsWire.SkipName(m[..end], offset);
        return offset < 0 || offset + 20 != end ? null : BinaryPrimitives.ReadUInt32BigEndian(m[(offset + 16)..]);
    }
}
