namespace NetOpsPS.Sockets.Server;

/// <summary>
/// The life of a server connection. No state is skipped: Idle → Handshaking → Active → Closing →
/// Closed, except that a connection that fails while handshaking goes from Handshaking straight to
/// Closing. Every transition is timestamped (<see cref="TcpStateTransition"/>).
/// </summary>
public enum TcpConnectionState
{
    /// <summary>Accepted by the kernel and handed to the server; nothing exchanged yet.</summary>
    Idle,
    /// <summary>Being set up: socket options, the banner if the server has one.</summary>
    Handshaking,
    /// <summary>Exchanging frames.</summary>
    Active,
    /// <summary>Closing: replies owed are flushed, then a half-close and a bounded drain.</summary>
    Closing,
    /// <summary>The socket is closed.</summary>
    Closed,
}
