using System;

namespace NetOpsPS.Devices.Exporter;

/// <summary>How one target of an exporter fared at its last poll.</summary>
public sealed class MetricsTargetStatus
{
    internal MetricsTargetStatus(string name, bool up, DateTimeOffset? lastPoll, string? lastError)
    {
        Name = name;
        Up = up;
        LastPoll = lastPoll;
        LastError = lastError;
    }

    public string Name { get; }

    /// <summary>True when the last poll succeeded.</summary>
    public bool Up { get; }

    /// <summary>When the last poll ended; null before the first.</summary>
    public DateTimeOffset? LastPoll { get; }

    /// <summary>Why the last poll failed (timeout or the engine's message); null when it succeeded.</summary>
    public string? LastError { get; }

    public override string ToString() => $"{Name} {(Up ? "up" : "down")}";
}
