namespace NetOpsPS.Sockets.Client;

/// <summary>What happened to a client session.</summary>
public enum TcpClientSessionEventKind
{
    /// <summary>A connection was made (the first, or one after <c>DisconnectAsync</c>).</summary>
    Connected,
    /// <summary>A connection was made again after a drop.</summary>
    Reconnected,
    /// <summary>One connect attempt failed; Message says why and, when a retry follows, after what delay.</summary>
    ConnectFailed,
    /// <summary>The connection ended without being asked to; Message says why.</summary>
    Dropped,
    /// <summary>The session closed its connection on purpose.</summary>
    Disconnected,
    /// <summary>The circuit breaker opened.</summary>
    BreakerOpened,
    /// <summary>The break duration passed; a probing connect is allowed.</summary>
    BreakerHalfOpened,
    /// <summary>The circuit breaker closed again.</summary>
    BreakerClosed,
    /// <summary>The background reconnect stopped trying; the next send or receive tries again.</summary>
    ReconnectGaveUp,
}
