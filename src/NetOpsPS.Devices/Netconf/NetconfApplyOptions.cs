using System;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>
/// A safe configuration change (RFC 6241 Appendix E.1): lock, edit the candidate, validate, diff against running,
/// then commit, or discard on a dry run, a refusal or any failure, and unlock.
/// </summary>
public sealed class NetconfApplyOptions
{
    /// <summary>The configuration: a &lt;config&gt; element or the top element(s) to put inside one.</summary>
    public required XElement Config { get; init; }

    /// <summary>The datastore to change: the candidate when the server has :candidate, else running (when null).</summary>
    public NetconfDatastore? Target { get; init; }

    /// <summary>edit-config default-operation; merge (the server's default) when null.</summary>
    public NetconfDefaultOperation? DefaultOperation { get; init; }

    /// <summary>edit-config test-option; the server's default when null.</summary>
    public NetconfTestOption? TestOption { get; init; }

    /// <summary>edit-config error-option; the server's default when null.</summary>
    public NetconfErrorOption? ErrorOption { get; init; }

    /// <summary>Lock the target datastore for the change (and fail fast if another session holds it).</summary>
    public bool Lock { get; init; } = true;

    /// <summary>
    /// Dry runs: validate the edited candidate before the diff (when the server has :validate). Commits validate the
    /// candidate themselves and leave running unchanged when it is invalid (RFC 6241 §8.3.4.1).
    /// </summary>
    public bool Validate { get; init; } = true;

    /// <summary>Edit, validate and diff, then discard: nothing reaches running.</summary>
    public bool DryRun { get; init; }

    /// <summary>A confirmed commit with this window; a confirming commit must follow or running rolls back.</summary>
    public TimeSpan? ConfirmTimeout { get; init; }

    /// <summary>With <see cref="ConfirmTimeout"/>: a persist id, so any session can confirm or cancel (:confirmed-commit:1.1).</summary>
    public string? Persist { get; init; }

    /// <summary>The part of the configuration to diff; the whole datastore when null.</summary>
    public NetconfFilter? DiffFilter { get; init; }

    /// <summary>Asked with the diff just before the commit; false discards the change (the cmdlets' -Confirm).</summary>
    public Func<NetconfConfigDiff, bool>? ConfirmCommit { get; init; }

    /// <summary>Told of every step as it ends (for logs).</summary>
    public Action<NetconfStep>? OnStep { get; init; }
}
