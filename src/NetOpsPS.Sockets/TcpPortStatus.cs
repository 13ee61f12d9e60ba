namespace NetOpsPS.Sockets;

/// <summary>Outcome of a TCP port test.</summary>
public enum TcpPortStatus
{
    /// <summary>The three-way handshake completed.</summary>
    Open,
    /// <summary>The host answered with a reset: nothing listens there.</summary>
    Refused,
    /// <summary>No answer within the timeout (filtered, or a full accept queue).</summary>
    TimedOut,
    /// <summary>The network or host is unreachable.</summary>
    Unreachable,
    /// <summary>The name did not resolve to an address of the asked family.</summary>
    NameNotResolved,
    /// <summary>Another socket error; see Error.</summary>
    Error,
}
