using System;
using System.Net;

namespace NetOpsPS.Capture.Statistics;

/// <summary>One node of the protocol hierarchy (tshark -z io,phs): packets and bytes that carried this layer.</summary>
public sealed record ProtocolHierarchyEntry(string Protocol, string Path, int Depth, long Packets, long Bytes, double PacketPercent)
{
    /// <summary>The protocol name indented by depth, for display.</summary>
    public string Tree => new string(' ', Depth * 2) + Protocol;
}

/// <summary>
/// Traffic between two endpoints in both directions (tshark -z conv): A is the endpoint that sorts first, so
/// a request and its reply land in the same row. Ports are null for IP conversations without TCP/UDP.
/// </summary>
public sealed record ConversationStatistic(
    IpProtocol Protocol,
    IPAddress AddressA,
    int? PortA,
    IPAddress AddressB,
    int? PortB,
    long PacketsAToB,
    long BytesAToB,
    long PacketsBToA,
    long BytesBToA,
    DateTime Start,
    TimeSpan Duration)
{
    /// <summary>Packets both ways.</summary>
    public long Packets => PacketsAToB + PacketsBToA;

    /// <summary>Bytes both ways.</summary>
    public long Bytes => BytesAToB + BytesBToA;

    /// <summary>A as address:port.</summary>
    public string EndpointA => CapturedPacket.Endpoint(AddressA, PortA);

    /// <summary>B as address:port.</summary>
    public string EndpointB => CapturedPacket.Endpoint(AddressB, PortB);
}

/// <summary>One IP address's traffic (tshark -z endpoints,ip): what it sent and received.</summary>
public sealed record EndpointStatistic(IPAddress Address, long PacketsSent, long BytesSent, long PacketsReceived, long BytesReceived)
{
    /// <summary>Packets sent and received.</summary>
    public long Packets => PacketsSent + PacketsReceived;

    /// <summary>Bytes sent and received.</summary>
    public long Bytes => BytesSent + BytesReceived;
}

/// <summary>Traffic in one second of capture time (tshark -z io,stat,1).</summary>
public sealed record PacketRateSample(DateTime Second, long Packets, long Bytes)
{
    /// <summary>Bits per second in that second.</summary>
    public long BitsPerSecond => Bytes * 8;
}
