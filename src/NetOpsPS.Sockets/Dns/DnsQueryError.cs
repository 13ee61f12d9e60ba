namespace NetOpsPS.Sockets.DnsTools;

/// <summary>Why a query got no response at all (a response with any RCODE is a result, not one of these).</summary>
public enum DnsQueryError
{
    /// <summary>Not classified; see the inner exception.</summary>
    Unknown = 0,
    /// <summary>No answer within the timeout, after every retry.</summary>
    TimedOut,
    /// <summary>The server's port is closed (ICMP port unreachable or TCP reset).</summary>
    Unreachable,
    /// <summary>The answer could not be parsed.</summary>
    Malformed,
    /// <summary>The name is not a valid domain name.</summary>
    InvalidName,
}
