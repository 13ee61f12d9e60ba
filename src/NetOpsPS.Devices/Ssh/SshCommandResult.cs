using System;

namespace NetOpsPS.Devices.Ssh;

/// <summary>One command's outcome on one device.</summary>
public sealed class SshCommandResult
{
    /// <summary>The session's name.</summary>
    public required string Device { get; init; }

    /// <summary>Host the session is connected to.</summary>
    public required string HostName { get; init; }

    /// <summary>The command as sent.</summary>
    public required string Command { get; init; }

    /// <summary>Standard output (shell mode: everything between the echo and the prompt), without ANSI codes or CRs.</summary>
    public required string Output { get; init; }

    /// <summary>Exec mode: standard error; shell mode: empty (a pty merges both).</summary>
    public string ErrorOutput { get; init; } = string.Empty;

    /// <summary>Exec mode: the exit status the server sent; null in shell mode or when the server sent none.</summary>
    public int? ExitStatus { get; init; }

    /// <summary>Exec or Shell.</summary>
    public SshCommandMode Mode { get; init; }

    /// <summary>Paging prompts answered on the way.</summary>
    public int PagesAnswered { get; init; }

    /// <summary>From sending the command to its end.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True when the exit status is 0, or unknown (shell mode).</summary>
    public bool Succeeded => ExitStatus is null or 0;
}
