using System;

namespace NetOpsPS.Host.Tests;

/// <summary>What one netops run left behind.</summary>
internal sealed record NetopsResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>For assertion messages: everything a person needs to see why a run went wrong.</summary>
    public override string ToString() =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:F1}s{Environment.NewLine}"
        + $"--- stdout ---{Environment.NewLine}{Stdout}--- stderr ---{Environment.NewLine}{Stderr}";
}
