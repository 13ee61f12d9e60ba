namespace NetOpsPS.Devices.Netconf;

/// <summary>How an apply ended.</summary>
public enum NetconfApplyOutcome
{
    /// <summary>Committed to running.</summary>
    Committed,

    /// <summary>Committed with a confirmed commit: a confirming commit must follow within the timeout.</summary>
    PendingConfirmation,

    /// <summary>The candidate did not differ from running, so nothing was committed.</summary>
    NoChanges,

    /// <summary>A dry run (-WhatIf): edited, validated, diffed and discarded.</summary>
    DryRun,

    /// <summary>The confirmation (-Confirm) was refused; the change was discarded.</summary>
    Declined,
}
