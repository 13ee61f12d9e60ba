namespace NetOpsPS.Sockets.DnsTools;

/// <summary>How the answer travelled.</summary>
public enum DnsTransport
{
    /// <summary>One UDP datagram.</summary>
    Udp,
    /// <summary>TCP with a two-byte length prefix (RFC 7766), asked for or after a truncated UDP answer.</summary>
    Tcp,
}
