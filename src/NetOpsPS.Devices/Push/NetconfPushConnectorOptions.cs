using System;

namespace NetOpsPS.Devices.Push;

/// <summary>How <see cref="NetconfPushConnector"/> opens sessions.</summary>
public sealed class NetconfPushConnectorOptions
{
    /// <summary>OpenSSH known_hosts file to verify host keys against; null for ~/.ssh/known_hosts.</summary>
    public string? KnownHostsPath { get; set; }

    /// <summary>Connect and per-reply timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
