namespace NetOpsPS.Sockets.DnsTools;

/// <summary>The message section a record came in (RFC 1035 §4.1).</summary>
public enum DnsSection
{
    /// <summary>Answer section.</summary>
    Answer,
    /// <summary>Authority section (NS, or the SOA of a negative answer).</summary>
    Authority,
    /// <summary>Additional section (glue, OPT is not listed).</summary>
    Additional,
}
