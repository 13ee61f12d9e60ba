namespace NetOpsPS.Sockets.Server;

/// <summary>Life cycle of a server: Created → Listening → Stopping → Stopped, or Faulted.</summary>
public enum TcpServerState
{
    /// <summary>Built but not bound yet.</summary>
    Created,
    /// <summary>Bound and accepting connections.</summary>
    Listening,
    /// <summary>No longer accepting; open connections are being closed.</summary>
    Stopping,
    /// <summary>Every socket is closed.</summary>
    Stopped,
    /// <summary>The accept loop died; see LastError.</summary>
    Faulted,
}
