namespace NetOpsPS.Sockets.DnsTools;

/// <summary>The query types Resolve-DnsQuery asks for; the values are the RR TYPE codes (RFC 1035 §3.2.2, RFC 3596, RFC 2782, RFC 8659).</summary>
public enum DnsRecordType
{
    /// <summary>IPv4 address.</summary>
    A = 1,
    /// <summary>Authoritative name server.</summary>
    NS = 2,
    /// <summary>Canonical name (alias).</summary>
    CNAME = 5,
    /// <summary>Start of authority.</summary>
    SOA = 6,
    /// <summary>Domain name pointer (reverse lookup).</summary>
    PTR = 12,
    /// <summary>Mail exchange.</summary>
    MX = 15,
    /// <summary>Text strings.</summary>
    TXT = 16,
    /// <summary>IPv6 address.</summary>
    AAAA = 28,
    /// <summary>Service location.</summary>
    SRV = 33,
    /// <summary>Every record the server will give (RFC 8482 lets it answer with a subset).</summary>
    ANY = 255,
    /// <summary>Certification authority authorization.</summary>
    CAA = 257,
}
