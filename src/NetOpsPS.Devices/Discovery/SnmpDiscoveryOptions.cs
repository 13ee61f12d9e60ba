using System;
using System.Collections.Generic;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Discovery;

/// <summary>How a sweep probes each host.</summary>
public sealed class SnmpDiscoveryOptions
{
    /// <summary>Tried in order on each host until one gets an answer.</summary>
    public IReadOnlyList<SnmpCredential> Credentials { get; init; } = Array.Empty<SnmpCredential>();

    public int Port { get; init; } = SnmpTarget.DefaultPort;

    /// <summary>Wait for each answer; a sweep meets many silent addresses, so it is short.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends again after a timeout.</summary>
    public int Retries { get; init; } = 1;
}
