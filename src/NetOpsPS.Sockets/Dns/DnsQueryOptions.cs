using System;
using System.Net;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>What to ask, of whom, and how patiently.</summary>
public sealed class DnsQueryOptions
{
    /// <summary>The name server's address.</summary>
    public required IPAddress Server { get; init; }

    /// <summary>The name server's port.</summary>
    public int Port { get; init; } = 53;

    /// <summary>Time to wait for each attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts after the first when one times out.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>
    /// The EDNS(0) UDP payload size advertised in an OPT record (RFC 6891 §6.2.3); 512 or less sends
    /// no OPT record. 1232 is the DNS Flag Day 2020 value that avoids IP fragmentation.
    /// </summary>
    public int EdnsBufferSize { get; init; } = 1232;

    /// <summary>Ask over TCP from the start instead of UDP.</summary>
    public bool TcpOnly { get; init; }

    /// <summary>Set the RD bit: ask the server to recurse.</summary>
    public bool RecursionDesired { get; init; } = true;
}
