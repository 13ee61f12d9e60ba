namespace NetOpsPS.Devices.Snmp;

/// <summary>IF-MIB ifAdminStatus / ifOperStatus (RFC 2863 §6); admin status uses 1-3 only.</summary>
public enum SnmpInterfaceStatus
{
    /// <summary>The agent gave no status.</summary>
    Unknown = 0,
    /// <summary>up(1).</summary>
    Up = 1,
    /// <summary>down(2).</summary>
    Down = 2,
    /// <summary>testing(3).</summary>
    Testing = 3,
    /// <summary>unknown(4): the agent cannot tell.</summary>
    NotKnown = 4,
    /// <summary>dormant(5).</summary>
    Dormant = 5,
    /// <summary>notPresent(6).</summary>
    NotPresent = 6,
    /// <summary>lowerLayerDown(7).</summary>
    LowerLayerDown = 7,
}
