namespace NetOpsPS.Capture.Dns;

/// <summary>DNS RR TYPE values (IANA DNS parameters); other values print as their number.</summary>
public enum DnsRecordType
{
    /// <summary>IPv4 address.</summary>
    A = 1,

    /// <summary>Name server.</summary>
    NS = 2,

    /// <summary>Canonical name.</summary>
    CNAME = 5,

    /// <summary>Start of authority.</summary>
    SOA = 6,

    /// <summary>Domain name pointer.</summary>
    PTR = 12,

    /// <summary>Mail exchange.</summary>
    MX = 15,

    /// <summary>Text strings.</summary>
    TXT = 16,

    /// <summary>IPv6 address.</summary>
    AAAA = 28,

    /// <summary>Service locator.</summary>
    SRV = 33,

    /// <summary>Delegation name.</summary>
    DNAME = 39,

    /// <summary>EDNS(0) pseudo-record.</summary>
    OPT = 41,

    /// <summary>DNSSEC signature.</summary>
    RRSIG = 46,

    /// <summary>Service binding.</summary>
    SVCB = 64,

    /// <summary>HTTPS service binding.</summary>
    HTTPS = 65,

    /// <summary>Any type (query only).</summary>
    ANY = 255,
}
