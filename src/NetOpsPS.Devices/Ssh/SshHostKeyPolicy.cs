namespace NetOpsPS.Devices.Ssh;

/// <summary>How a host key that known_hosts does not list is treated. A changed key is an error under every policy.</summary>
public enum SshHostKeyPolicy
{
    /// <summary>Only keys in known_hosts are trusted; an unknown key is an error showing its fingerprint.</summary>
    Strict,

    /// <summary>An unknown key is trusted for this connection and appended to known_hosts (an explicit act: -AcceptHostKey).</summary>
    AcceptNew,
}
