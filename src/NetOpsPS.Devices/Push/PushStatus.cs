namespace NetOpsPS.Devices.Push;

/// <summary>Where a device ended up after a batch push.</summary>
public enum PushStatus
{
    /// <summary>The new configuration is committed to running.</summary>
    Committed,

    /// <summary>Dry run (-WhatIf): edited, validated and diffed in the candidate, then discarded.</summary>
    DryRun,

    /// <summary>Only rendered; nothing was sent.</summary>
    Rendered,

    /// <summary>The device was touched, then put back: candidate discarded or confirmed commit cancelled.</summary>
    RolledBack,

    /// <summary>Failed before anything on the device changed (template, connect, lock).</summary>
    Failed,

    /// <summary>Not attempted: an earlier failure with -StopOnError, a failed confirmed-commit batch, or a cancel.</summary>
    Skipped,
}
