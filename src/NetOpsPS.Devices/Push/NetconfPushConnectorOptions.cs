using System;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push;

/// <summary>
/// How <see cref="NetconfPushConnector"/> opens sessions: the batch-wide defaults, which a
/// <see cref="PushRequest"/>'s own login (credential, key files, passphrase) overrides for its device.
/// </summary>
public sealed class NetconfPushConnectorOptions
{
    /// <summary>OpenSSH known_hosts file to verify host keys against; null for ~/.ssh/known_hosts.</summary>
    public string? KnownHostsPath { get; set; }

    /// <summary>
    /// Strict (default): an unknown host key fails the device, showing its fingerprint. AcceptNew trusts it and
    /// appends it to known_hosts. A changed key fails the device under either policy.
    /// </summary>
    public SshHostKeyPolicy HostKeyPolicy { get; set; } = SshHostKeyPolicy.Strict;

    /// <summary>Private key files for key login, tried before the device's password (if any); a request's own replace them.</summary>
    public string[] PrivateKeyPaths { get; set; } = [];

    /// <summary>The passphrase of encrypted key files, for requests that bring none of their own. Never logged.</summary>
    public string? PrivateKeyPassphrase { get; set; }

    /// <summary>Login name for devices without a credential (key login).</summary>
    public string? UserName { get; set; }

    /// <summary>Connect and per-reply timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
