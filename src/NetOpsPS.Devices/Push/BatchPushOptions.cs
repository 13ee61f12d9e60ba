using System;

namespace NetOpsPS.Devices.Push;

/// <summary>How a batch is pushed.</summary>
public sealed class BatchPushOptions
{
    /// <summary>Merge or replace.</summary>
    public PushMode Mode { get; set; } = PushMode.Merge;

    /// <summary>Edit, validate and diff the candidate, then discard: nothing is committed.</summary>
    public bool DryRun { get; set; }

    /// <summary>Only check the rendered configurations; contact no device.</summary>
    public bool RenderOnly { get; set; }

    /// <summary>After the first failed device, start no other (devices under way finish).</summary>
    public bool StopOnError { get; set; }

    /// <summary>Devices pushed at once.</summary>
    public int ThrottleLimit { get; set; } = 8;

    /// <summary>
    /// A confirmed-commit window for the whole batch: every device gets a confirmed commit with this
    /// timeout, and only when all succeeded are they confirmed; otherwise every one is cancelled.
    /// Null: each device commits on its own.
    /// </summary>
    public TimeSpan? ConfirmTimeout { get; set; }

    /// <summary>The most a device's rollback (discard, cancel-commit, unlock) may take, even after a cancel.</summary>
    public TimeSpan CleanupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One JSON line per step, when set.</summary>
    public PushLog? Log { get; set; }

    /// <summary>Step-by-step progress, when set. Called from worker threads.</summary>
    public IProgress<PushProgress>? Progress { get; set; }

    /// <summary>Each device's result as soon as it is final. Called from worker threads.</summary>
    public Action<NetDevicePushResult>? ResultReady { get; set; }
}
