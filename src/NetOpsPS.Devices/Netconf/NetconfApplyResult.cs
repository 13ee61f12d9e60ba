using System;
using System.Collections.Generic;

namespace NetOpsPS.Devices.Netconf;

/// <summary>What an apply did on one device.</summary>
public sealed class NetconfApplyResult
{
    /// <summary>The session's name.</summary>
    public required string Device { get; init; }

    /// <summary>The host.</summary>
    public required string HostName { get; init; }

    /// <summary>The datastore edited.</summary>
    public NetconfDatastore Target { get; init; }

    /// <summary>How it ended.</summary>
    public NetconfApplyOutcome Outcome { get; init; }

    /// <summary>Running against the candidate before the commit (running before and after, without :candidate).</summary>
    public required NetconfConfigDiff Diff { get; init; }

    /// <summary>True when the candidate passed validation: an explicit validate (dry runs) or the commit's own.</summary>
    public bool Validated { get; init; }

    /// <summary>True when running changed (Committed or PendingConfirmation).</summary>
    public bool Committed => Outcome is NetconfApplyOutcome.Committed or NetconfApplyOutcome.PendingConfirmation;

    /// <summary>The persist id of a persistent confirmed commit.</summary>
    public string? PersistId { get; init; }

    /// <summary>When a confirmed commit rolls back without a confirming commit.</summary>
    public DateTimeOffset? ConfirmBy { get; init; }

    /// <summary>rpc-errors of severity warning along the way.</summary>
    public IReadOnlyList<NetconfRpcError> Warnings { get; init; } = [];

    /// <summary>Every rpc with its duration.</summary>
    public IReadOnlyList<NetconfStep> Steps { get; init; } = [];

    /// <summary>The whole apply.</summary>
    public TimeSpan Duration { get; init; }
}
