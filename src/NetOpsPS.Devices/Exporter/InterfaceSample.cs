namespace NetOpsPS.Devices.Exporter;

/// <summary>
/// One row of a device's interface table (RFC 2863 IF-MIB ifTable joined with ifXTable), as a poller read it.
/// Counters are the agent's raw values; <see cref="CounterBits"/> says whether they wrap at 2^32 or 2^64.
/// </summary>
public sealed class InterfaceSample
{
    /// <summary>ifIndex: the row's key in the agent.</summary>
    public int Index { get; init; }

    /// <summary>ifName (ifXTable), or ifDescr when the agent has no ifName.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>ifAlias: the operator's description of the interface; empty when unset.</summary>
    public string Alias { get; init; } = string.Empty;

    /// <summary>
    /// 64 when the octet and packet counters are ifHC* (ifXTable), 32 when they are the ifTable ones that wrap at
    /// 2^32. Errors and discards are Counter32 in IF-MIB whatever this says, and are tracked as 32-bit.
    /// </summary>
    public int CounterBits { get; init; } = 64;

    public ulong InOctets { get; init; }

    public ulong OutOctets { get; init; }

    /// <summary>Unicast, multicast and broadcast packets received.</summary>
    public ulong InPackets { get; init; }

    /// <summary>Unicast, multicast and broadcast packets sent.</summary>
    public ulong OutPackets { get; init; }

    public ulong InErrors { get; init; }

    public ulong OutErrors { get; init; }

    public ulong InDiscards { get; init; }

    public ulong OutDiscards { get; init; }

    /// <summary>ifOperStatus: 1 up, 2 down, 3 testing, 4 unknown, 5 dormant, 6 notPresent, 7 lowerLayerDown.</summary>
    public int OperStatus { get; init; }

    /// <summary>ifAdminStatus: 1 up, 2 down, 3 testing.</summary>
    public int AdminStatus { get; init; }

    /// <summary>ifHighSpeed times 10^6, or ifSpeed where ifHighSpeed is absent.</summary>
    public ulong SpeedBitsPerSecond { get; init; }
}
