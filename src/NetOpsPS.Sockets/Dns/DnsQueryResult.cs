using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>
/// One response: the question, the header (status, flags, id), who answered and how fast, and the
/// records of each section. NXDOMAIN, REFUSED and SERVFAIL are results with a <see cref="Status"/>,
/// not errors: only a silent or unreachable server is an error.
/// </summary>
public sealed class DnsQueryResult
{
    /// <summary>The name asked for, fully qualified.</summary>
    public required string Name { get; init; }

    /// <summary>The type asked for.</summary>
    public required DnsRecordType Type { get; init; }

    /// <summary>The response code.</summary>
    public required DnsResponseStatus Status { get; init; }

    /// <summary>True when the status is NoError (an empty NoError answer is NODATA, RFC 2308 §2.2).</summary>
    public bool Succeeded => Status == DnsResponseStatus.NoError;

    /// <summary>The server that answered.</summary>
    public required IPEndPoint Server { get; init; }

    /// <summary>How the answer kept came (TCP after a truncated UDP answer, or when asked for).</summary>
    public required DnsTransport Transport { get; init; }

    /// <summary>True when the UDP answer came truncated (TC), so the records are from the TCP answer that followed.</summary>
    public required bool TruncatedOverUdp { get; init; }

    /// <summary>Time from sending the query to the answer kept (the last exchange: the TCP one after a fallback).</summary>
    public required TimeSpan RoundTripTime { get; init; }

    /// <summary>The response's transaction id.</summary>
    public required int Id { get; init; }

    /// <summary>The header flags set, in dig's order and spelling (qr aa tc rd ra ad cd).</summary>
    public required string Flags { get; init; }

    /// <summary>AA: the server is authoritative for the name.</summary>
    public required bool Authoritative { get; init; }

    /// <summary>RA: the server offers recursion.</summary>
    public required bool RecursionAvailable { get; init; }

    /// <summary>Size of the response message kept, in bytes.</summary>
    public required int MessageSize { get; init; }

    /// <summary>Answer section.</summary>
    public required IReadOnlyList<DnsRecord> Answers { get; init; }

    /// <summary>Authority section.</summary>
    public required IReadOnlyList<DnsRecord> Authorities { get; init; }

    /// <summary>Additional section, without the OPT pseudo-record.</summary>
    public required IReadOnlyList<DnsRecord> Additionals { get; init; }
}
