namespace NetOpsPS.Capture.Decoding;

/// <summary>
/// Where each header of one frame lies and what its fixed fields say: the result of the one pass
/// <see cref="PacketDecoder"/> makes over the bytes. A struct of offsets, so decoding a million
/// packets allocates nothing; addresses and application layers are read from the bytes only when asked.
/// </summary>
public struct PacketHeaders
{
    /// <summary>The link type the frame was decoded as.</summary>
    public LinkType LinkType { get; internal set; }

    /// <summary>What could not be decoded.</summary>
    public PacketProblem Problem { get; internal set; }

    /// <summary>Offset of the destination MAC address, or -1.</summary>
    public int DestinationMacOffset { get; internal set; }

    /// <summary>Offset of the source MAC address, or -1.</summary>
    public int SourceMacOffset { get; internal set; }

    /// <summary>The EtherType of the network layer (after any VLAN tags), 0 when unknown.</summary>
    public ushort EtherType { get; internal set; }

    /// <summary>How many VLAN tags precede the network layer.</summary>
    public int VlanCount { get; internal set; }

    /// <summary>Offset of the first (outer) VLAN tag's TPID, or -1.</summary>
    public int VlanOffset { get; internal set; }

    /// <summary>Linux cooked capture: the interface index (SLL2) or -1.</summary>
    public int CookedInterfaceIndex { get; internal set; }

    /// <summary>4 or 6, 0 when there is no IP layer.</summary>
    public int IpVersion { get; internal set; }

    /// <summary>Offset of the IP header, or -1.</summary>
    public int IpOffset { get; internal set; }

    /// <summary>IPv4 TTL or IPv6 hop limit.</summary>
    public int HopLimit { get; internal set; }

    /// <summary>The transport protocol number, -1 when there is no IP layer.</summary>
    public int Protocol { get; internal set; }

    /// <summary>Part of a fragmented datagram; only the first fragment carries the transport header.</summary>
    public bool IsFragment { get; internal set; }

    /// <summary>Offset of the transport header, or -1.</summary>
    public int TransportOffset { get; internal set; }

    /// <summary>TCP or UDP source port, 0 otherwise.</summary>
    public ushort SourcePort { get; internal set; }

    /// <summary>TCP or UDP destination port, 0 otherwise.</summary>
    public ushort DestinationPort { get; internal set; }

    /// <summary>TCP sequence number.</summary>
    public uint SequenceNumber { get; internal set; }

    /// <summary>TCP acknowledgment number.</summary>
    public uint AcknowledgmentNumber { get; internal set; }

    /// <summary>TCP flags.</summary>
    public TcpFlags TcpFlags { get; internal set; }

    /// <summary>TCP window (unscaled).</summary>
    public ushort Window { get; internal set; }

    /// <summary>ICMP or ICMPv6 type and code, as type * 256 + code; -1 otherwise.</summary>
    public int IcmpTypeCode { get; internal set; }

    /// <summary>Offset of the transport payload (or the IP payload for other protocols), or -1.</summary>
    public int PayloadOffset { get; internal set; }

    /// <summary>The payload length on the wire, from the IP/UDP/TCP length fields.</summary>
    public int PayloadLength { get; internal set; }

    /// <summary>How many payload bytes the capture holds (at most <see cref="PayloadLength"/>).</summary>
    public int CapturedPayloadLength { get; internal set; }
}
