using System;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Devices.Push;

/// <summary>How <see cref="NetconfPushConnector"/> opens sessions.</summary>
public sealed class NetconfPushConnectorOptions
{
    /// <summary>OpenSSH known_hosts file to verify host keys against; null for ~/.ssh/known_hosts.</summary>
    public string? KnownHostsPath { get; set; }

    /// <summary>Strict (default): unknown host keys fail the device. AcceptNew trusts and records them.</summary>
    public SshHostKeyPolicy HostKeyPolicy { get; set; } = SshHostKeyPolicy.Strict;

    /// <summary>Private key files for key login, tried after the device's password (if any).</summary>
    public string[] PrivateKeyPaths { get; set; } = [];

    /// <summary>Login name for devices without a credential (key login).</summary>
    public string? UserName { get; set; }

    /// <summary>Connect and per-reply timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
