using System;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>One interface of an agent: IF-MIB ifTable joined with ifXTable (Get-SnmpInterface).</summary>
public sealed class SnmpInterface
{
    internal SnmpInterface(string computerName, int port, SnmpInterfaceTable table, SnmpInterfaceRow row)
    {
        ComputerName = computerName;
        Port = port;
        Target = table.Target;
        SysUpTime = table.SysUpTime;
        Index = row.Index;
        Name = row.Name;
        Description = row.Description;
        Alias = row.Alias;
        Type = row.Type;
        TypeName = row.TypeName;
        Mtu = row.Mtu;
        Speed = row.Speed;
        PhysicalAddress = row.PhysicalAddress;
        AdminStatus = row.AdminStatus;
        OperStatus = row.OperStatus;
        LastChange = row.LastChange;
        HighCapacityCounters = row.HighCapacityCounters;
        InOctets = row.InOctets;
        OutOctets = row.OutOctets;
        InUnicastPackets = row.InUnicastPackets;
        OutUnicastPackets = row.OutUnicastPackets;
        InMulticastPackets = row.InMulticastPackets;
        OutMulticastPackets = row.OutMulticastPackets;
        InBroadcastPackets = row.InBroadcastPackets;
        OutBroadcastPackets = row.OutBroadcastPackets;
        InDiscards = row.InDiscards;
        OutDiscards = row.OutDiscards;
        InErrors = row.InErrors;
        OutErrors = row.OutErrors;
    }

    /// <summary>The host as given.</summary>
    public string ComputerName { get; }

    /// <summary>The agent's UDP port.</summary>
    public int Port { get; }

    /// <summary>"host:port".</summary>
    public string Target { get; }

    /// <summary>sysUpTime.0 when the table was read: dates the counters.</summary>
    public TimeSpan SysUpTime { get; }

    /// <summary>ifIndex.</summary>
    public int Index { get; }

    /// <summary>ifName, else ifDescr.</summary>
    public string Name { get; }

    /// <summary>ifDescr.</summary>
    public string Description { get; }

    /// <summary>ifAlias.</summary>
    public string Alias { get; }

    /// <summary>ifType (IANAifType).</summary>
    public int Type { get; }

    /// <summary>ifType by name where common (ethernetCsmacd, softwareLoopback...).</summary>
    public string TypeName { get; }

    /// <summary>ifMtu.</summary>
    public int Mtu { get; }

    /// <summary>Bits per second (ifHighSpeed × 10^6, else ifSpeed).</summary>
    public ulong Speed { get; }

    /// <summary>ifPhysAddress as aa:bb:cc:dd:ee:ff.</summary>
    public string PhysicalAddress { get; }

    /// <summary>ifAdminStatus.</summary>
    public SnmpInterfaceStatus AdminStatus { get; }

    /// <summary>ifOperStatus.</summary>
    public SnmpInterfaceStatus OperStatus { get; }

    /// <summary>ifLastChange.</summary>
    public TimeSpan LastChange { get; }

    /// <summary>True when the counters are the 64-bit ifHC* columns.</summary>
    public bool HighCapacityCounters { get; }

    /// <summary>ifHCInOctets (or ifInOctets).</summary>
    public ulong InOctets { get; }

    /// <summary>ifHCOutOctets (or ifOutOctets).</summary>
    public ulong OutOctets { get; }

    /// <summary>ifHCInUcastPkts (or ifInUcastPkts).</summary>
    public ulong InUnicastPackets { get; }

    /// <summary>ifHCOutUcastPkts (or ifOutUcastPkts).</summary>
    public ulong OutUnicastPackets { get; }

    /// <summary>ifHCInMulticastPkts.</summary>
    public ulong InMulticastPackets { get; }

    /// <summary>ifHCOutMulticastPkts.</summary>
    public ulong OutMulticastPackets { get; }

    /// <summary>ifHCInBroadcastPkts.</summary>
    public ulong InBroadcastPackets { get; }

    /// <summary>ifHCOutBroadcastPkts.</summary>
    public ulong OutBroadcastPackets { get; }

    /// <summary>ifInDiscards.</summary>
    public ulong InDiscards { get; }

    /// <summary>ifOutDiscards.</summary>
    public ulong OutDiscards { get; }

    /// <summary>ifInErrors.</summary>
    public ulong InErrors { get; }

    /// <summary>ifOutErrors.</summary>
    public ulong OutErrors { get; }
}
