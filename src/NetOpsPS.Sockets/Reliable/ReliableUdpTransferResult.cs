using System;
using System.Collections.Generic;
using System.Net;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Reliable;

/// <summary>The counters of one reliable UDP transfer.</summary>
public sealed class ReliableUdpTransferResult
{
    /// <summary>The listener.</summary>
    public IPEndPoint RemoteEndPoint { get; internal set; } = new(IPAddress.None, 0);

    /// <summary>The sending socket.</summary>
    public IPEndPoint LocalEndPoint { get; internal set; } = new(IPAddress.None, 0);

    /// <summary>The transfer's random session id.</summary>
    public uint SessionId { get; internal set; }

    /// <summary>The listener's epoch (its incarnation id), 0 when it never answered.</summary>
    public uint Epoch { get; internal set; }

    /// <summary>Messages handed in.</summary>
    public int Messages { get; internal set; }

    /// <summary>Messages whose every fragment was acknowledged (cumulatively, so in order).</summary>
    public int MessagesAcknowledged { get; internal set; }

    /// <summary>Payload bytes of all messages.</summary>
    public long Bytes { get; internal set; }

    /// <summary>Distinct data packets (fragments) of the transfer.</summary>
    public long DataPackets { get; internal set; }

    /// <summary>Data datagrams put on the wire, retransmissions included.</summary>
    public long PacketsSent { get; internal set; }

    /// <summary>Retransmissions of all kinds.</summary>
    public long Retransmissions { get; internal set; }

    /// <summary>Retransmissions triggered by duplicate ACKs / SACK (fast retransmit).</summary>
    public long FastRetransmits { get; internal set; }

    /// <summary>Retransmissions triggered by the RTO timer.</summary>
    public long Timeouts { get; internal set; }

    /// <summary>ACKs received.</summary>
    public long AcksReceived { get; internal set; }

    /// <summary>ACKs that did not move the cumulative point.</summary>
    public long DuplicateAcks { get; internal set; }

    /// <summary>ACKs dropped as malformed or of another session.</summary>
    public long InvalidAcks { get; internal set; }

    /// <summary>The smoothed RTT (RFC 6298 SRTT).</summary>
    public TimeSpan SmoothedRtt { get; internal set; }

    /// <summary>The RTT variation (RFC 6298 RTTVAR).</summary>
    public TimeSpan RttVariation { get; internal set; }

    /// <summary>The retransmission timeout at the end.</summary>
    public TimeSpan Rto { get; internal set; }

    /// <summary>The configured window in packets.</summary>
    public int Window { get; internal set; }

    /// <summary>Most packets in flight at once.</summary>
    public int PeakInFlight { get; internal set; }

    /// <summary>The listener's last advertised window.</summary>
    public int PeerWindow { get; internal set; }

    /// <summary>Wall time of the transfer.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>What the kernel granted for the socket's buffers.</summary>
    public IReadOnlyList<UdpBufferGrant> BufferGrants { get; internal set; } = Array.Empty<UdpBufferGrant>();

    /// <summary>Acknowledged payload bytes per second.</summary>
    public double GoodputBytesPerSecond => Duration > TimeSpan.Zero ? AcknowledgedBytes / Duration.TotalSeconds : 0;

    /// <summary>Packets sent per distinct data packet (1.0 means no retransmission).</summary>
    public double Overhead => DataPackets > 0 ? (double)PacketsSent / DataPackets : 0;

    /// <summary>True when every message was acknowledged.</summary>
    public bool Completed => MessagesAcknowledged == Messages;

    internal long AcknowledgedBytes { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{MessagesAcknowledged}/{Messages} messages to {RemoteEndPoint}, {Retransmissions} retransmitted";
}
