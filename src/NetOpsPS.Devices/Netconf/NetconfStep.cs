using System;

namespace NetOpsPS.Devices.Netconf;

/// <summary>One rpc of an apply: lock, edit-config, validate, get-config, commit, discard-changes, unlock.</summary>
public sealed class NetconfStep
{
    /// <summary>The session's name.</summary>
    public required string Device { get; init; }

    /// <summary>The rpc.</summary>
    public required string Operation { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>False when it failed.</summary>
    public bool Succeeded { get; init; }

    /// <summary>The error, when it failed.</summary>
    public string? Error { get; init; }
}
