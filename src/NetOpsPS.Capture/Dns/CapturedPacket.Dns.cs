using System;
using System.Buffers.Binary;
using NetOpsPS.Capture.Dns;

namespace NetOpsPS.Capture;

/// <summary>The DNS layer, decoded on first access.</summary>
public sealed partial class CapturedPacket
{
    private DnsMessage? _dns;
    private bool _dnsDecoded;

    /// <summary>
    /// The DNS message, when this is UDP or TCP to or from port 53 (5353 mDNS, 5355 LLMNR) and the
    /// payload holds at least a DNS header. Over TCP only a segment that starts a message decodes
    /// (the 2-byte length prefix of RFC 1035 §4.2.2 first); a message spread over segments is not reassembled.
    /// </summary>
    public DnsMessage? Dns
    {
        get
        {
            if (!_dnsDecoded)
            {
                _dns = DecodeDns();
                _dnsDecoded = true;
            }

            return _dns;
        }
    }

    private bool IsDnsPort(int port) => port is 53 or 5353 or 5355;

    private DnsMessage? DecodeDns()
    {
        if (!HasPorts || !(IsDnsPort(_headers.SourcePort) || IsDnsPort(_headers.DestinationPort)))
        {
            return null;
        }

        ReadOnlySpan<byte> payload = Payload.Span;
        if (IsTcp)
        {
            if (payload.Length < 14)
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(payload);
            payload = payload.Slice(2, Math.Min(length, payload.Length - 2));
        }

        return DnsDecoder.Decode(payload);
    }
}
