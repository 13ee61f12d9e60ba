namespace NetOpsPS.Devices.Netconf;

/// <summary>What went wrong in a NETCONF session; rpc-errors from the server are <see cref="NetconfRpcException"/>.</summary>
public enum NetconfError
{
    /// <summary>Not classified.</summary>
    Unknown,

    /// <summary>The peer broke RFC 6242 framing (bad chunk header, chunk or message over the limit...); the session is closed.</summary>
    Framing,

    /// <summary>A message is not acceptable XML (not well-formed, a DTD or entity declaration, too large).</summary>
    MalformedXml,

    /// <summary>The hello exchange failed: no common base version, no session-id, or no hello in time.</summary>
    Hello,

    /// <summary>No rpc-reply within the timeout.</summary>
    Timeout,

    /// <summary>The server closed the channel or the SSH connection dropped.</summary>
    ConnectionLost,

    /// <summary>The server refused the netconf subsystem.</summary>
    SubsystemRefused,

    /// <summary>The server lacks a capability the operation needs (:candidate, :confirmed-commit, :validate, :xpath...).</summary>
    CapabilityMissing,

    /// <summary>Arguments the operation cannot use (config that is not XML, a datastore the server lacks...).</summary>
    InvalidArgument,

    /// <summary>The session is closed.</summary>
    NotConnected,
}
