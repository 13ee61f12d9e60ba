using System;

namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// One interface: IF-MIB ifEntry joined with ifXEntry on ifIndex (RFC 2863 §6). Counters are 64-bit:
/// the ifHC* columns where the agent has them (<see cref="HighCapacityCounters"/>), else the 32-bit ones widened.
/// </summary>
public sealed class SnmpInterfaceRow
{
    /// <summary>ifIndex.</summary>
    public int Index { get; init; }

    /// <summary>ifName (ifXTable), else ifDescr.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>ifDescr.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>ifAlias: the administrator's description.</summary>
    public string Alias { get; init; } = string.Empty;

    /// <summary>ifType (IANAifType number).</summary>
    public int Type { get; init; }

    /// <summary>The IANAifType name of <see cref="Type"/> for common ones (ethernetCsmacd, softwareLoopback...), else the number.</summary>
    public string TypeName => IanaIfType.Name(Type);

    /// <summary>ifMtu.</summary>
    public int Mtu { get; init; }

    /// <summary>Bits per second: ifHighSpeed × 10^6 when the agent has it and it is not zero, else ifSpeed.</summary>
    public ulong Speed { get; init; }

    /// <summary>ifPhysAddress as aa:bb:cc:dd:ee:ff (empty when none).</summary>
    public string PhysicalAddress { get; init; } = string.Empty;

    /// <summary>ifAdminStatus.</summary>
    public SnmpInterfaceStatus AdminStatus { get; init; }

    /// <summary>ifOperStatus.</summary>
    public SnmpInterfaceStatus OperStatus { get; init; }

    /// <summary>ifLastChange: sysUpTime when the interface last changed state.</summary>
    public TimeSpan LastChange { get; init; }

    /// <summary>True when the counters come from ifHC* (64-bit) columns.</summary>
    public bool HighCapacityCounters { get; init; }

    /// <summary>ifHCInOctets / ifInOctets.</summary>
    public ulong InOctets { get; init; }

    /// <summary>ifHCOutOctets / ifOutOctets.</summary>
    public ulong OutOctets { get; init; }

    /// <summary>ifHCInUcastPkts / ifInUcastPkts.</summary>
    public ulong InUnicastPackets { get; init; }

    /// <summary>ifHCOutUcastPkts / ifOutUcastPkts.</summary>
    public ulong OutUnicastPackets { get; init; }

    /// <summary>ifHCInMulticastPkts / ifInMulticastPkts.</summary>
    public ulong InMulticastPackets { get; init; }

    /// <summary>ifHCOutMulticastPkts / ifOutMulticastPkts.</summary>
    public ulong OutMulticastPackets { get; init; }

    /// <summary>ifHCInBroadcastPkts / ifInBroadcastPkts.</summary>
    public ulong InBroadcastPackets { get; init; }

    /// <summary>ifHCOutBroadcastPkts / ifOutBroadcastPkts.</summary>
    public ulong OutBroadcastPackets { get; init; }

    /// <summary>ifInDiscards.</summary>
    public ulong InDiscards { get; init; }

    /// <summary>ifOutDiscards.</summary>
    public ulong OutDiscards { get; init; }

    /// <summary>ifInErrors.</summary>
    public ulong InErrors { get; init; }

    /// <summary>ifOutErrors.</summary>
    public ulong OutErrors { get; init; }

    /// <summary>ifInUnknownProtos.</summary>
    public ulong InUnknownProtocols { get; init; }
}
