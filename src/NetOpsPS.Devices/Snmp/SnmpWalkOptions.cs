namespace NetOpsPS.Devices.Snmp;

/// <summary>How <see cref="SnmpClient.WalkAsync"/> walks a subtree.</summary>
public sealed class SnmpWalkOptions
{
    /// <summary>The defaults: GetBulk with max-repetitions 10 (net-snmp's -Cr10), increasing OIDs checked.</summary>
    public static SnmpWalkOptions Default { get; } = new();

    /// <summary>GetBulk max-repetitions (RFC 3416 §4.2.3): rows asked per request. v2c/v3 only.</summary>
    public int MaxRepetitions { get; init; } = 10;

    /// <summary>False walks with GetNext even on v2c/v3 (v1 always does).</summary>
    public bool UseGetBulk { get; init; } = true;

    /// <summary>Fail when an OID is not greater than the one before (true, like net-snmp); false is net-snmp's -Cc.</summary>
    public bool CheckIncreasing { get; init; } = true;

    /// <summary>When the subtree is empty, Get the root itself, as net-snmp does for a walk of a leaf (sysName.0).</summary>
    public bool GetRootWhenEmpty { get; init; } = true;

    /// <summary>
    /// GetBulk requests in flight at once, each on its own socket (1: the classic sequential walk). Above 1 the subtree
    /// is cut into ranges walked side by side; results still come in OID order. v2c/v3 bulk walks with
    /// <see cref="CheckIncreasing"/> only (ranges rely on increasing OIDs); otherwise the walk is sequential.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Stop after this many varbinds (0: no limit); a bound for agents that loop under -Cc.</summary>
    public int MaxVarBinds { get; init; }
}
