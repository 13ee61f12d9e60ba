namespace NetOpsPS.TestSupport.Peers.Internal;

/// <summary>What a peer script did: its exit code (-1 after a timeout) and what it wrote.</summary>
internal sealed record ScriptResult(int ExitCode, bool TimedOut, string StandardOutput, string StandardError);
