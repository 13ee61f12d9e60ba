namespace NetOpsPS.Host;

/// <summary>The text of netops -Help.</summary>
internal static class UsageText
{
    public const string Text = """
        netops: PowerShell 7.6 with NetOpsPS preloaded, for runbooks and machines without pwsh.

        Usage:
          netops -Command '<script>'          run a script text (also -c; -Command - reads it from stdin)
          netops -File <script.ps1> [args]    run a script file; args bind to its param block or $args (also -f)
          netops <command line...>            run the rest of the line as a command, e.g.
                                                netops Test-TcpPort -ComputerName gw1 -Port 22
          netops -Version                     print the versions of netops, NetOpsPS and PowerShell
          netops -Help                        print this text (also -?, -h)

          -NoProfile, -NonInteractive and -NoLogo are accepted and ignored, so pwsh lines run as they are.

        NetOpsPS is imported before the script runs. Output is formatted by the engine, with the
        module's views, to stdout; errors, warnings (WARNING:), verbose (VERBOSE:) and debug (DEBUG:)
        go to stderr. Nothing prompts: Read-Host, $Host.UI.ReadLine(), -Confirm and missing mandatory
        parameters fail at once.

        Exit code: 0 on success; 1 on a terminating error or when any error was written; N after
        `exit N`; 130 on Ctrl+C; 64 for a bad command line; 70 when NetOpsPS cannot be imported.

        The embedded engine carries the language and the core cmdlets (ForEach-Object, Where-Object,
        Import-Module, Get-Help...), not Microsoft.PowerShell.Utility, .Management or .Security
        (Select-Object, Sort-Object, Write-Host, Get-Date, Copy-Item...). Scripts that need those run
        in pwsh 7.4+ after Import-Module <path to NetOpsPS.psd1>.

        Environment:
          NETOPS_MODULE_PATH  a NetOpsPS.psd1, or the folder holding it, to import instead of the
                              copy under Modules/ beside netops
        """;
}
