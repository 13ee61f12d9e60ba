namespace NetOpsPS.Sockets.Client;

/// <summary>Where a <see cref="TcpClientSession"/> is, derived from its connection and its breaker whenever it is read.</summary>
public enum TcpClientSessionState
{
    /// <summary>No connection, and none being made (never connected, disconnected, or reconnecting gave up).</summary>
    Disconnected,
    /// <summary>A connect (first or reconnect) is running, retries and backoff included.</summary>
    Connecting,
    /// <summary>A live connection.</summary>
    Connected,
    /// <summary>No connection, and the circuit breaker is open: connects fail fast until its break duration has passed.</summary>
    BreakerOpen,
    /// <summary>Disposed; it cannot be used again.</summary>
    Closed,
}
