using System;
using System.Collections.Generic;

namespace NetOpsPS.Devices.Snmp;

/// <summary>An agent's interfaces at one moment, with the sysUpTime that dates the counters (for rates and wraps).</summary>
public sealed class SnmpInterfaceTable
{
    /// <summary>Creates a table.</summary>
    public SnmpInterfaceTable(string target, TimeSpan sysUpTime, IReadOnlyList<SnmpInterfaceRow> rows)
    {
        Target = target;
        SysUpTime = sysUpTime;
        Rows = rows;
    }

    /// <summary>The agent ("host:port").</summary>
    public string Target { get; }

    /// <summary>SNMPv2-MIB sysUpTime.0 read just before the tables.</summary>
    public TimeSpan SysUpTime { get; }

    /// <summary>The interfaces by ifIndex.</summary>
    public IReadOnlyList<SnmpInterfaceRow> Rows { get; }
}
