using System;
using System.Collections.Generic;

namespace NetOpsPS.Devices.Exporter;

/// <summary>What one poll of a target returned: the agent's uptime (for restart detection) and its interfaces.</summary>
public sealed class InterfaceTableSample
{
    /// <summary>sysUpTime: how long the agent has run. A smaller value than last time means it restarted.</summary>
    public TimeSpan AgentUptime { get; init; }

    public IReadOnlyList<InterfaceSample> Interfaces { get; init; } = Array.Empty<InterfaceSample>();
}
