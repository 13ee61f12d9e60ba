namespace NetOpsPS.Devices.Ssh;

/// <summary>What went wrong with an SSH connection or command; the cmdlets map it to an error id.</summary>
public enum SshError
{
    /// <summary>Not classified.</summary>
    Unknown,

    /// <summary>The host's key is not in known_hosts (the message shows its SHA256 fingerprint).</summary>
    HostKeyUnknown,

    /// <summary>known_hosts holds another key of the same type for this host: possible man in the middle.</summary>
    HostKeyChanged,

    /// <summary>known_hosts marks this key @revoked.</summary>
    HostKeyRevoked,

    /// <summary>The server refused the password or the key.</summary>
    AuthenticationFailed,

    /// <summary>Nothing listens on the port.</summary>
    ConnectionRefused,

    /// <summary>The host name did not resolve.</summary>
    NameResolution,

    /// <summary>Connect, key exchange or a command took longer than allowed.</summary>
    Timeout,

    /// <summary>The connection dropped or the server closed it.</summary>
    ConnectionLost,

    /// <summary>A private key file is missing, unreadable, of an unsupported type, or its passphrase is wrong.</summary>
    KeyFileInvalid,

    /// <summary>The server refused to open a channel (exec, shell or subsystem).</summary>
    ChannelRefused,

    /// <summary>The options are contradictory or incomplete.</summary>
    InvalidArgument,

    /// <summary>The session was closed or disposed.</summary>
    NotConnected,
}
