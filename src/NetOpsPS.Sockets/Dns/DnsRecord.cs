using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>
/// One resource record of a response. The fields common to every record come first; the data fields
/// are set for the types that carry them and null otherwise (Address for A/AAAA, Target for
/// CNAME/NS/PTR/MX/SRV, and so on). <see cref="Data"/> is the record's data in zone-file form.
/// </summary>
public sealed class DnsRecord
{
    /// <summary>Owner name, fully qualified with the trailing dot.</summary>
    public required string Name { get; init; }

    /// <summary>Record type mnemonic (A, MX, CAA...; TYPEnnn for types without one, RFC 3597).</summary>
    public required string Type { get; init; }

    /// <summary>Record type code.</summary>
    public required int TypeCode { get; init; }

    /// <summary>Class, IN for nearly every record.</summary>
    public string Class { get; init; } = "IN";

    /// <summary>Seconds a resolver may keep the record.</summary>
    public required int TimeToLive { get; init; }

    /// <summary>The section the record came in.</summary>
    public required DnsSection Section { get; init; }

    /// <summary>The data in zone-file form, for display and for types without fields here.</summary>
    public required string Data { get; init; }

    /// <summary>A and AAAA: the address.</summary>
    public IPAddress? Address { get; init; }

    /// <summary>CNAME, NS, PTR: the name pointed to; MX: the exchange; SRV: the target host.</summary>
    public string? Target { get; init; }

    /// <summary>MX: the preference (lower first).</summary>
    public int? Preference { get; init; }

    /// <summary>SRV: the priority (lower first).</summary>
    public int? Priority { get; init; }

    /// <summary>SRV: the weight among equal priorities.</summary>
    public int? Weight { get; init; }

    /// <summary>SRV: the port of the service.</summary>
    public int? Port { get; init; }

    /// <summary>TXT: the character-strings, in order.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>SOA: the primary name server (MNAME).</summary>
    public string? PrimaryServer { get; init; }

    /// <summary>SOA: the mailbox of the person responsible (RNAME).</summary>
    public string? ResponsibleMailbox { get; init; }

    /// <summary>SOA: the zone's serial number.</summary>
    public long? Serial { get; init; }

    /// <summary>SOA: refresh interval.</summary>
    public TimeSpan? Refresh { get; init; }

    /// <summary>SOA: retry interval.</summary>
    public TimeSpan? Retry { get; init; }

    /// <summary>SOA: expire limit.</summary>
    public TimeSpan? Expire { get; init; }

    /// <summary>SOA: MINIMUM, the TTL of negative answers (RFC 2308 §4).</summary>
    public TimeSpan? MinimumTimeToLive { get; init; }

    /// <summary>CAA: the flags octet (128 is issuer-critical).</summary>
    public int? Flags { get; init; }

    /// <summary>CAA: the property tag (issue, issuewild, iodef).</summary>
    public string? Tag { get; init; }

    /// <summary>CAA: the property value.</summary>
    public string? Value { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {TimeToLive} {Class} {Type} {Data}";
}
