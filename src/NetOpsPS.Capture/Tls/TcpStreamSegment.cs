using System;
using System.Net;

namespace NetOpsPS.Capture.Tls;

/// <summary>TCP header flags the TLS tracker reads (RFC 9293 §3.1).</summary>
[Flags]
public enum TcpStreamFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>FIN: the sender has no more data.</summary>
    Fin = 0x01,

    /// <summary>SYN: synchronise sequence numbers; the ISN is one before the first data byte.</summary>
    Syn = 0x02,

    /// <summary>RST: the connection is gone.</summary>
    Rst = 0x04,

    /// <summary>PSH.</summary>
    Psh = 0x08,

    /// <summary>ACK: the acknowledgment field is significant.</summary>
    Ack = 0x10,
}

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
    TcpStreamFlags Flags,
    ReadOnlyMemory<byte> Payload);
