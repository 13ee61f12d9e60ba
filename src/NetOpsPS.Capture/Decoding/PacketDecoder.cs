using System;
using System.Buffers.Binary;

namespace NetOpsPS.Capture.Decoding;

/// <summary>
/// One pass over a frame's link, VLAN, IP and transport headers into <see cref="PacketHeaders"/>.
/// Never throws on any input: a header that is cut off or impossible sets <see cref="PacketProblem"/>
/// and ends the pass, and what was decoded so far stays valid.
/// </summary>
public static class PacketDecoder
{
    private const ushort EtherTypeIPv4 = 0x0800;
    private const ushort EtherTypeIPv6 = 0x86DD;
    private const ushort TpidCustomer = 0x8100;
    private const ushort TpidService = 0x88A8;
    private const ushort TpidLegacyQinQ = 0x9100;
    private const int MaxVlanTags = 8;
    private const int MaxIPv6ExtensionHeaders = 8;

    /// <summary>Decodes <paramref name="frame"/> (the captured bytes) of <paramref name="wireLength"/> bytes on the wire.</summary>
    public static void Decode(ReadOnlySpan<byte> frame, LinkType linkType, int wireLength, out PacketHeaders headers)
    {
        headers = default;
        headers.LinkType = linkType;
        headers.DestinationMacOffset = -1;
        headers.SourceMacOffset = -1;
        headers.VlanOffset = -1;
        headers.CookedInterfaceIndex = -1;
        headers.IpOffset = -1;
        headers.Protocol = -1;
        headers.TransportOffset = -1;
        headers.IcmpTypeCode = -1;
        headers.PayloadOffset = -1;
        if (wireLength > frame.Length)
        {
            headers.Problem = PacketProblem.Truncated;
        }

        int offset;
        ushort etherType;
        switch (linkType)
        {
            case LinkType.Ethernet:
                if (frame.Length < 14)
                {
                    headers.Problem |= PacketProblem.HeaderCut;
                    return;
                }

                headers.DestinationMacOffset = 0;
                headers.SourceMacOffset = 6;
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(12));
                offset = 14;
                break;
            case LinkType.LinuxSll:
                // sll_pkttype(2) sll_hatype(2) sll_halen(2) sll_addr(8) sll_protocol(2)
                if (frame.Length < 16)
                {
                    headers.Problem |= PacketProblem.HeaderCut;
                    return;
                }

                if (BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(4)) == 6)
                {
                    headers.SourceMacOffset = 6;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(14));
                offset = 16;
                break;
            case LinkType.LinuxSll2:
                // protocol(2) reserved(2) if_index(4) hatype(2) pkttype(1) halen(1) addr(8)
                if (frame.Length < 20)
                {
                    headers.Problem |= PacketProblem.HeaderCut;
                    return;
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame);
                headers.CookedInterfaceIndex = BinaryPrimitives.ReadInt32BigEndian(frame.Slice(4));
                if (frame[11] == 6)
                {
                    headers.SourceMacOffset = 12;
                }

                offset = 20;
                break;
            case LinkType.Null:
            case LinkType.Loop:
                if (frame.Length < 4)
                {
                    headers.Problem |= PacketProblem.HeaderCut;
                    return;
                }

                // The family is in host (Null) or network (Loop) byte order and its IPv6 value differs per OS:
                // the version nibble of what follows is the reliable witness.
                offset = 4;
                etherType = VersionEtherType(frame.Slice(4));
                break;
            case LinkType.Raw:
                offset = 0;
                etherType = VersionEtherType(frame);
                break;
            case LinkType.IPv4:
                offset = 0;
                etherType = EtherTypeIPv4;
                break;
            case LinkType.IPv6:
                offset = 0;
                etherType = EtherTypeIPv6;
                break;
            default:
                return;
        }

        while (etherType is TpidCustomer or TpidService or TpidLegacyQinQ)
        {
            if (frame.Length < offset + 4 || headers.VlanCount == MaxVlanTags)
            {
                headers.Problem |= frame.Length < offset + 4 ? PacketProblem.HeaderCut : PacketProblem.Malformed;
                return;
            }

            if (headers.VlanCount == 0)
            {
                headers.VlanOffset = offset - 2;
            }

            headers.VlanCount++;
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(offset + 2));
            offset += 4;
        }

        headers.EtherType = etherType;
        if (etherType == EtherTypeIPv4)
        {
            DecodeIPv4(frame, offset, ref headers);
        }
        else if (etherType == EtherTypeIPv6)
        {
            DecodeIPv6(frame, offset, ref headers);
        }
    }

    private static ushort VersionEtherType(ReadOnlySpan<byte> ip)
    {
        int version = ip.IsEmpty ? 0 : ip[0] >> 4;
        return version == 4 ? EtherTypeIPv4 : version == 6 ? EtherTypeIPv6 : (ushort)0;
    }

    // RFC 791 §3.1
    private static void DecodeIPv4(ReadOnlySpan<byte> frame, int offset, ref PacketHeaders headers)
    {
        if (frame.Length < offset + 20)
        {
            headers.Problem |= PacketProblem.HeaderCut;
            return;
        }

        ReadOnlySpan<byte> ip = frame.Slice(offset);
        int headerLength = (ip[0] & 0x0F) * 4;
        if (ip[0] >> 4 != 4 || headerLength < 20)
        {
            headers.Problem |= PacketProblem.Malformed;
            return;
        }

        headers.IpVersion = 4;
        headers.IpOffset = offset;
        headers.HopLimit = ip[8];
        headers.Protocol = ip[9];
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(2));
        if (totalLength == 0)
        {
            // Segmentation offload: the kernel hands libpcap a super-packet whose length field is zero.
            totalLength = ip.Length;
        }

        if (totalLength < headerLength)
        {
            headers.Problem |= PacketProblem.Malformed;
            return;
        }

        if (ip.Length < headerLength)
        {
            headers.Problem |= PacketProblem.HeaderCut;
            return;
        }

        int fragmentField = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(6));
        bool laterFragment = (fragmentField & 0x1FFF) != 0;
        headers.IsFragment = laterFragment || (fragmentField & 0x2000) != 0;
        DecodeTransport(frame, offset + headerLength, totalLength - headerLength, laterFragment, ref headers);
    }

    // RFC 8200 §3 and §4 (extension headers)
    private static void DecodeIPv6(ReadOnlySpan<byte> frame, int offset, ref PacketHeaders headers)
    {
        if (frame.Length < offset + 40)
        {
            headers.Problem |= PacketProblem.HeaderCut;
            return;
        }

        ReadOnlySpan<byte> ip = frame.Slice(offset);
        if (ip[0] >> 4 != 6)
        {
            headers.Problem |= PacketProblem.Malformed;
            return;
        }

        headers.IpVersion = 6;
        headers.IpOffset = offset;
        headers.HopLimit = ip[7];
        int remaining = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(4));
        int next = ip[6];
        int at = offset + 40;
        bool laterFragment = false;
        for (int i = 0; i < MaxIPv6ExtensionHeaders; i++)
        {
            int extensionLength;
            switch (next)
            {
                case 0 or 43 or 60:
                    if (frame.Length < at + 2)
                    {
                        headers.Protocol = next;
                        headers.Problem |= PacketProblem.HeaderCut;
                        return;
                    }

                    extensionLength = (frame[at + 1] + 1) * 8;
                    break;
                case 44:
                    if (frame.Length < at + 8)
                    {
                        headers.Protocol = next;
                        headers.Problem |= PacketProblem.HeaderCut;
                        return;
                    }

                    int fragmentField = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(at + 2));
                    laterFragment |= (fragmentField & 0xFFF8) != 0;
                    headers.IsFragment = true;
                    extensionLength = 8;
                    break;
                case 51:
                    if (frame.Length < at + 2)
                    {
                        headers.Protocol = next;
                        headers.Problem |= PacketProblem.HeaderCut;
                        return;
                    }

                    extensionLength = (frame[at + 1] + 2) * 4;
                    break;
                default:
                    headers.Protocol = next;
                    DecodeTransport(frame, at, remaining, laterFragment, ref headers);
                    return;
            }

            if (remaining < extensionLength)
            {
                headers.Protocol = next;
                headers.Problem |= PacketProblem.Malformed;
                return;
            }

            next = frame[at];
            at += extensionLength;
            remaining -= extensionLength;
        }

        headers.Protocol = next;
        headers.Problem |= PacketProblem.Malformed;
    }

    // A fragment after the first holds no transport header; the first fragment holds it (RFC 791 §3.2, RFC 8200 §4.5).
    private static void DecodeTransport(ReadOnlySpan<byte> frame, int offset, int ipPayloadLength, bool laterFragment, ref PacketHeaders headers)
    {
        if (laterFragment)
        {
            SetPayload(frame, offset, ipPayloadLength, ref headers);
            return;
        }

        switch (headers.Protocol)
        {
            case 6:
                DecodeTcp(frame, offset, ipPayloadLength, ref headers);
                break;
            case 17:
                DecodeUdp(frame, offset, ipPayloadLength, ref headers);
                break;
            case 1 or 58:
                if (!TryTransportHeader(frame, offset, 4, hasPorts: false, ref headers, out ReadOnlySpan<byte> icmp))
                {
                    return;
                }

                headers.IcmpTypeCode = (icmp[0] << 8) | icmp[1];
                SetPayload(frame, offset + 4, ipPayloadLength - 4, ref headers);
                break;
            default:
                SetPayload(frame, offset, ipPayloadLength, ref headers);
                break;
        }
    }

    // RFC 9293 §3.1
    private static void DecodeTcp(ReadOnlySpan<byte> frame, int offset, int ipPayloadLength, ref PacketHeaders headers)
    {
        if (!TryTransportHeader(frame, offset, 20, hasPorts: true, ref headers, out ReadOnlySpan<byte> tcp))
        {
            return;
        }

        headers.SequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(tcp.Slice(4));
        headers.AcknowledgmentNumber = BinaryPrimitives.ReadUInt32BigEndian(tcp.Slice(8));
        headers.TcpFlags = (TcpFlags)(((tcp[12] & 0x01) << 8) | tcp[13]);
        headers.Window = BinaryPrimitives.ReadUInt16BigEndian(tcp.Slice(14));
        int headerLength = (tcp[12] >> 4) * 4;
        if (headerLength < 20 || headerLength > ipPayloadLength)
        {
            headers.Problem |= PacketProblem.Malformed;
            return;
        }

        SetPayload(frame, offset + headerLength, ipPayloadLength - headerLength, ref headers);
    }

    // RFC 768
    private static void DecodeUdp(ReadOnlySpan<byte> frame, int offset, int ipPayloadLength, ref PacketHeaders headers)
    {
        if (!TryTransportHeader(frame, offset, 8, hasPorts: true, ref headers, out ReadOnlySpan<byte> udp))
        {
            return;
        }

        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp.Slice(4));
        if (udpLength < 8 || udpLength > ipPayloadLength)
        {
            headers.Problem |= PacketProblem.Malformed;
            udpLength = Math.Max(8, ipPayloadLength);
        }

        SetPayload(frame, offset + 8, udpLength - 8, ref headers);
    }

    // The fixed part of a transport header: HeaderCut when the frame ends inside it. TCP and UDP both start with
    // the source and destination ports (RFC 9293 §3.1, RFC 768).
    private static bool TryTransportHeader(
        ReadOnlySpan<byte> frame, int offset, int fixedLength, bool hasPorts, ref PacketHeaders headers, out ReadOnlySpan<byte> header)
    {
        if (frame.Length < offset + fixedLength)
        {
            headers.Problem |= PacketProblem.HeaderCut;
            header = default;
            return false;
        }

        header = frame.Slice(offset);
        headers.TransportOffset = offset;
        if (hasPorts)
        {
            headers.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(header);
            headers.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(2));
        }

        return true;
    }

    private static void SetPayload(ReadOnlySpan<byte> frame, int offset, int wireLength, ref PacketHeaders headers)
    {
        if (wireLength < 0)
        {
            headers.Problem |= PacketProblem.Malformed;
            return;
        }

        headers.PayloadOffset = Math.Min(offset, frame.Length);
        headers.PayloadLength = wireLength;
        headers.CapturedPayloadLength = Math.Min(wireLength, frame.Length - headers.PayloadOffset);
        if (headers.CapturedPayloadLength < wireLength)
        {
            headers.Problem |= PacketProblem.Truncated;
        }
    }
}
