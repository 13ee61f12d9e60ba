namespace NetOpsPS.Devices.Ssh;

/// <summary>What a known_hosts file says about a presented host key.</summary>
public enum KnownHostsVerdict
{
    /// <summary>The file lists this key for this host.</summary>
    Trusted,

    /// <summary>The file lists no key of this type for this host.</summary>
    Unknown,

    /// <summary>The file lists another key of the same type for this host.</summary>
    Changed,

    /// <summary>The file marks this key @revoked.</summary>
    Revoked,
}
