namespace NetOpsPS.Devices.Snmp;

/// <summary>What went wrong in an SNMP exchange, stable enough to map to an error id.</summary>
public enum SnmpError
{
    /// <summary>Not classified; see the inner exception.</summary>
    Unknown = 0,
    /// <summary>No answer within the timeout after every retry.</summary>
    Timeout,
    /// <summary>The agent answered with a non-zero error-status (see <see cref="SnmpException.ErrorStatus"/>).</summary>
    AgentError,
    /// <summary>Report usmStatsUnknownUserNames (RFC 3414 §3.2 step 4).</summary>
    UnknownUserName,
    /// <summary>Report usmStatsWrongDigests: wrong auth password or protocol (RFC 3414 §3.2 step 6).</summary>
    WrongDigest,
    /// <summary>Report usmStatsUnsupportedSecLevels: the user does not have this security level (RFC 3414 §3.2 step 5).</summary>
    UnsupportedSecurityLevel,
    /// <summary>Report usmStatsNotInTimeWindows, again after one resynchronisation (RFC 3414 §3.2 step 7).</summary>
    NotInTimeWindow,
    /// <summary>Report usmStatsDecryptionErrors (RFC 3414 §3.2 step 8).</summary>
    DecryptionError,
    /// <summary>Report usmStatsUnknownEngineIDs after discovery (a wrong engine ID given).</summary>
    UnknownEngineId,
    /// <summary>Another report PDU (snmpUnknownContexts, snmpUnknownPDUHandlers...).</summary>
    Report,
    /// <summary>The answer is not valid BER or not a valid SNMP message.</summary>
    MalformedResponse,
    /// <summary>A walk got an OID not greater than the one before (net-snmp's "OID not increasing", -Cc to ignore).</summary>
    OidNotIncreasing,
    /// <summary>The host name did not resolve.</summary>
    NameResolution,
    /// <summary>The socket failed (ICMP port unreachable, no route).</summary>
    Network,
}
