namespace NetOpsPS.Sockets.Client;

/// <summary>What went wrong for a client session, stable enough to map to an error id and to tag metrics with.</summary>
public enum TcpClientErrorKind
{
    /// <summary>Not classified; see the inner exception.</summary>
    Other,
    /// <summary>Nothing listens there: the peer answered the SYN with a reset (ECONNREFUSED).</summary>
    Refused,
    /// <summary>The connect did not complete within the connect timeout (a filtered port, a dead host).</summary>
    ConnectTimeout,
    /// <summary>The connection was reset or aborted (ECONNRESET, EPIPE).</summary>
    Reset,
    /// <summary>The peer closed the connection (end of stream) while the session wanted it open.</summary>
    PeerClosed,
    /// <summary>No route to the host or its network.</summary>
    Unreachable,
    /// <summary>The host name did not resolve.</summary>
    NameResolution,
    /// <summary>The peer sent bytes the decoder cannot cut into frames, or a payload could not be encoded.</summary>
    Framing,
    /// <summary>A send did not complete within the write timeout (the peer does not read).</summary>
    WriteTimeout,
    /// <summary>Heartbeats in a row went unanswered, so the connection was judged dead and closed.</summary>
    HeartbeatMissed,
    /// <summary>The circuit breaker is open: the connect was not even tried.</summary>
    BreakerOpen,
    /// <summary>No frame arrived within the receive timeout (the connection is unharmed).</summary>
    ReceiveTimeout,
    /// <summary>The session is not connected and is not meant to be (never connected, or disconnected on purpose).</summary>
    NotConnected,
    /// <summary>A pool had no free connection for the endpoint within its rent timeout.</summary>
    PoolExhausted,
}
