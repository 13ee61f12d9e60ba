using System;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Reliable;

/// <summary>Settings of a reliable UDP transfer (the sending side).</summary>
public sealed class ReliableUdpOptions
{
    /// <summary>Largest datagram sent, headers of this protocol included (not IP/UDP). 1200 fits every IPv6 path (QUIC's choice).</summary>
    public int MaxDatagramSize { get; set; } = 1200;

    /// <summary>Most packets in flight (sent, not yet acknowledged); the listener's advertised window caps it too.</summary>
    public int Window { get; set; } = 64;

    /// <summary>RTO before the first RTT sample (RFC 6298 2.1: one second).</summary>
    public TimeSpan InitialRto { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lower bound of the RTO. RFC 6298 2.4 says one second for the Internet; 200 ms is Linux TCP's, fitting LANs and labs.</summary>
    public TimeSpan MinRto { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of the RTO (RFC 6298 2.5: at least 60 s).</summary>
    public TimeSpan MaxRto { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retransmissions of one packet before the transfer fails.</summary>
    public int MaxRetries { get; set; } = 10;

    /// <summary>How many transmissions later an acknowledged packet must have been sent to declare a hole lost (RFC 5681/6675 DupThresh, RFC 9002 packet threshold).</summary>
    public int DuplicateAckThreshold { get; set; } = 3;

    /// <summary>
    /// Largest message; bigger ones are refused before anything is sent. A message is also capped at
    /// 65,535 fragments of <see cref="FragmentSize"/>, the most the 16-bit fragment count can say.
    /// </summary>
    public int MaxMessageSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Kernel buffer sizes of the sending socket.</summary>
    public UdpBufferOptions Buffers { get; set; } = new();

    /// <summary>The payload bytes one packet carries.</summary>
    internal int FragmentSize => MaxDatagramSize - Internal.ReliablePacket.DataHeaderSize;

    internal void Validate()
    {
        Require(MaxDatagramSize is >= 64 and <= UdpChannelOptions.MaxPayload, $"MaxDatagramSize {MaxDatagramSize} is outside 64-{UdpChannelOptions.MaxPayload}.");
        Require(Window is >= 1 and <= 32768, $"Window {Window} is outside 1-32768.");
        Require(MinRto > TimeSpan.Zero && MinRto <= MaxRto, "MinRto must be positive and at most MaxRto.");
        Require(InitialRto > TimeSpan.Zero, "InitialRto must be positive.");
        Require(MaxRetries is >= 0 and <= 100, $"MaxRetries {MaxRetries} is outside 0-100.");
        Require(DuplicateAckThreshold is >= 1 and <= 100, $"DuplicateAckThreshold {DuplicateAckThreshold} is outside 1-100.");
        Require(MaxMessageSize >= 1, $"MaxMessageSize {MaxMessageSize} must be positive.");
        Buffers.Validate();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new SocketsException(SocketsError.InvalidArgument, message);
        }
    }
}
