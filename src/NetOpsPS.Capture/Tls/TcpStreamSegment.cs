using System;
using System.Net;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// One TCP segment as the TLS tracker needs it: when, between which endpoints, where in the sequence space,
/// and the payload. Built from a captured packet, or by hand in tests.
/// </summary>
public readonly record struct TcpStreamSegment(
    DateTimeOffset Timestamp,
    IPAddress Source,
    int SourcePort,
    IPAddress Destination,
    int DestinationPort,
    uint Sequence,
    TcpFlags Flags,
    ReadOnlyMemory<byte> Payload)
{
    /// <summary>The segment a captured packet carries, or null when it is not a decoded TCP segment over IP.</summary>
    public static TcpStreamSegment? FromPacket(CapturedPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (!packet.IsTcp || packet.IsFragment || packet.SourceAddress is not { } source || packet.DestinationAddress is not { } destination)
        {
            return null;
        }

        return new TcpStreamSegment(
            new DateTimeOffset(packet.Timestamp, TimeSpan.Zero), source, packet.SourcePort ?? 0, destination, packet.DestinationPort ?? 0,
            packet.SequenceNumber ?? 0, packet.TcpFlags, packet.TcpPayload);
    }
}
