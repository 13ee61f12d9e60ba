namespace NetOpsPS.Host;

/// <summary>
/// The process exit codes of netops. 64 and 70 are the BSD sysexits codes that pwsh also uses for a
/// bad command line and a failed start; 130 is the shell's code for a run ended by SIGINT.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int ScriptFailed = 1;
    public const int BadCommandLine = 64;
    public const int InitFailure = 70;
    public const int Interrupted = 130;
}
