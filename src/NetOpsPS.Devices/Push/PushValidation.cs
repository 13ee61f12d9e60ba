namespace NetOpsPS.Devices.Push;

/// <summary>The outcome of &lt;validate&gt; on the candidate (RFC 6241 §8.6).</summary>
public enum PushValidation
{
    /// <summary>Not reached.</summary>
    NotRun,

    /// <summary>The device has no :validate capability.</summary>
    NotSupported,

    /// <summary>The candidate is valid.</summary>
    Passed,

    /// <summary>The device rejected the candidate.</summary>
    Failed,
}
