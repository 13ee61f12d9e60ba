namespace NetOpsPS.Devices.Netconf;

/// <summary>How one node differs between two configurations.</summary>
public enum NetconfDiffKind
{
    /// <summary>Only in the new configuration.</summary>
    Added,

    /// <summary>Only in the old configuration.</summary>
    Removed,

    /// <summary>A leaf whose value differs.</summary>
    Changed,
}
