namespace NetOpsPS.Sockets.DnsTools;

/// <summary>The RCODE of a response (RFC 1035 §4.1.1, RFC 6895 §2.3); NXDOMAIN and REFUSED are answers, not errors.</summary>
public enum DnsResponseStatus
{
    /// <summary>No error.</summary>
    NoError = 0,
    /// <summary>The server could not read the query.</summary>
    FormErr = 1,
    /// <summary>The server failed.</summary>
    ServFail = 2,
    /// <summary>The name does not exist.</summary>
    NXDomain = 3,
    /// <summary>The server does not do this kind of query.</summary>
    NotImp = 4,
    /// <summary>The server refuses to answer (policy).</summary>
    Refused = 5,
    /// <summary>A name exists that should not (dynamic update).</summary>
    YXDomain = 6,
    /// <summary>An RRset exists that should not (dynamic update).</summary>
    YXRRSet = 7,
    /// <summary>An RRset that should exist does not (dynamic update).</summary>
    NXRRSet = 8,
    /// <summary>The server is not authoritative for the zone.</summary>
    NotAuth = 9,
    /// <summary>A name is not in the zone (dynamic update).</summary>
    NotZone = 10,
    /// <summary>EDNS version not supported (extended RCODE 16).</summary>
    BadVers = 16,
}
