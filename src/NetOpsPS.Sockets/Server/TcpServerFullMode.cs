namespace NetOpsPS.Sockets.Server;

/// <summary>What a server does with a new connection when it already holds MaxConnections.</summary>
public enum TcpServerFullMode
{
    /// <summary>
    /// Stop accepting until a slot frees: new clients wait in the kernel's accept queue (Backlog);
    /// past that the kernel drops their SYNs and their connects time out. Back-pressure, nothing refused.
    /// </summary>
    Queue,
    /// <summary>Accept, send the RejectMessage if there is one, close at once, and count the rejection.</summary>
    Reject,
}
