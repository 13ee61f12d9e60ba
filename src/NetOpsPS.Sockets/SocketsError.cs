namespace NetOpsPS.Sockets;

/// <summary>What went wrong in the sockets engine, stable enough to map to an error id.</summary>
public enum SocketsError
{
    /// <summary>Not classified; see the inner exception.</summary>
    Unknown = 0,
    /// <summary>The local address and port are already bound by another socket.</summary>
    AddressInUse,
    /// <summary>The local address does not belong to this machine.</summary>
    AddressNotAvailable,
    /// <summary>The operating system refused (a privileged port, or a missing capability).</summary>
    AccessDenied,
    /// <summary>An argument is outside what the protocol allows.</summary>
    InvalidArgument,
    /// <summary>The object is not in a state that allows the operation.</summary>
    InvalidState,
}
