namespace NetOpsPS.Devices.Ssh;

/// <summary>How a command reaches the device.</summary>
public enum SshCommandMode
{
    /// <summary>An SSH exec channel per command (RFC 4254 §6.5): clean output and the exit status; servers and most routers.</summary>
    Exec,

    /// <summary>One interactive shell (pty) kept for the session, for gear whose CLI exists only there; output ends at the prompt.</summary>
    Shell,
}
