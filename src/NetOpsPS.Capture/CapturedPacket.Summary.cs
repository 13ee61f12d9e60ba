using System.Globalization;
using System.Text;

namespace NetOpsPS.Capture;

/// <summary>Display text in the manner of tshark's columns, computed when shown.</summary>
public sealed partial class CapturedPacket
{
    /// <summary>Source as address:port (or MAC address without an IP layer).</summary>
    public string? SourceEndpoint => SourceAddress is null ? SourceMac : Endpoint(SourceAddress, SourcePort);

    /// <summary>Destination as address:port (or MAC address without an IP layer).</summary>
    public string? DestinationEndpoint => DestinationAddress is null ? DestinationMac : Endpoint(DestinationAddress, DestinationPort);

    /// <summary>The highest decoded layer: DNS, HTTP, TCP, UDP, ICMP, IPv4, IPv6 or the link.</summary>
    public string ProtocolName => Dns is not null ? "DNS" : Http is not null ? "HTTP" : TransportName();

    /// <summary>One line about the packet: TCP flags and numbers, the DNS question, the HTTP request line.</summary>
    public string Info
    {
        get
        {
            if (Dns is { } dns)
            {
                return dns.ToString();
            }

            if (Http is { } http)
            {
                return http.Host is null ? http.ToString() : $"{http} Host: {http.Host}";
            }

            var text = new StringBuilder();
            if (IsTcp)
            {
                text.Append(CultureInfo.InvariantCulture, $"{SourcePort} > {DestinationPort} [{TcpFlags}] Seq={SequenceNumber} Ack={AcknowledgmentNumber} Len={PayloadLength}");
            }
            else if (IsUdp)
            {
                text.Append(CultureInfo.InvariantCulture, $"{SourcePort} > {DestinationPort} Len={PayloadLength}");
            }
            else if (IcmpType is int type)
            {
                text.Append(CultureInfo.InvariantCulture, $"type={type} code={IcmpCode}");
            }

            if (Problem != PacketProblem.None)
            {
                text.Append(text.Length > 0 ? " " : string.Empty).Append('[').Append(Problem.ToString()).Append(']');
            }

            return text.ToString();
        }
    }

    private string TransportName() => Protocol switch
    {
        IpProtocol.None => Headers.EtherType == 0x0806 ? "ARP" : LinkType.ToString(),
        IpProtocol.Tcp or IpProtocol.Udp or IpProtocol.Icmp or IpProtocol.IcmpV6 or IpProtocol.Igmp or IpProtocol.Gre or IpProtocol.Esp
            or IpProtocol.Ah or IpProtocol.Ospf or IpProtocol.Sctp => Protocol.ToString().ToUpperInvariant(),
        _ => IpVersion == 6 ? "IPv6" : "IPv4",
    };
}
