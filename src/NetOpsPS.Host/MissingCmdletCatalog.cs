using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Host;

/// <summary>
/// The cmdlets of full pwsh 7.4+ that the embedded engine (the System.Management.Automation
/// package) does not carry: Microsoft.PowerShell.Utility, .Management and .Security, with their
/// common aliases. A script that calls one fails with CommandNotFoundException, whose text ("not
/// recognized as a name of a cmdlet") reads as a typo; this list lets netops say what is really
/// going on. The names are pwsh 7.4/7.5 on any platform (Windows-only ones included, since a
/// runbook may come from Windows).
/// </summary>
internal static class MissingCmdletCatalog
{
    public const string Utility = "Microsoft.PowerShell.Utility";
    public const string Management = "Microsoft.PowerShell.Management";
    public const string Security = "Microsoft.PowerShell.Security";

    private static readonly string[] UtilityCmdlets =
    [
        "Add-Member", "Add-Type", "Clear-Variable", "Compare-Object", "ConvertFrom-CliXml", "ConvertFrom-Csv",
        "ConvertFrom-Json", "ConvertFrom-Markdown", "ConvertFrom-SddlString", "ConvertFrom-StringData",
        "ConvertTo-CliXml", "ConvertTo-Csv", "ConvertTo-Html", "ConvertTo-Json", "ConvertTo-Xml", "Debug-Runspace",
        "Disable-PSBreakpoint", "Disable-RunspaceDebug", "Enable-PSBreakpoint", "Enable-RunspaceDebug",
        "Export-Alias", "Export-Clixml", "Export-Csv", "Export-FormatData", "Export-PSSession", "Format-Custom",
        "Format-Hex", "Format-List", "Format-Table", "Format-Wide", "Get-Alias", "Get-Culture", "Get-Date",
        "Get-Error", "Get-Event", "Get-EventSubscriber", "Get-FileHash", "Get-FormatData", "Get-Host",
        "Get-MarkdownOption", "Get-Member", "Get-PSBreakpoint", "Get-PSCallStack", "Get-Random", "Get-Runspace",
        "Get-RunspaceDebug", "Get-SecureRandom", "Get-TraceSource", "Get-TypeData", "Get-UICulture", "Get-Unique",
        "Get-Uptime", "Get-Variable", "Get-Verb", "Group-Object", "Import-Alias", "Import-Clixml", "Import-Csv",
        "Import-LocalizedData", "Import-PowerShellDataFile", "Import-PSSession", "Invoke-Expression",
        "Invoke-RestMethod", "Invoke-WebRequest", "Join-String", "Measure-Command", "Measure-Object", "New-Alias",
        "New-Event", "New-Guid", "New-Object", "New-TemporaryFile", "New-TimeSpan", "New-Variable", "Out-File",
        "Out-GridView", "Out-Printer", "Out-String", "Read-Host", "Register-EngineEvent", "Register-ObjectEvent",
        "Remove-Alias", "Remove-Event", "Remove-PSBreakpoint", "Remove-TypeData", "Remove-Variable", "Select-Object",
        "Select-String", "Select-Xml", "Send-MailMessage", "Set-Alias", "Set-Date", "Set-MarkdownOption",
        "Set-PSBreakpoint", "Set-TraceSource", "Set-Variable", "Show-Command", "Show-Markdown", "Sort-Object",
        "Start-Sleep", "Tee-Object", "Test-Json", "Trace-Command", "Unblock-File", "Unregister-Event",
        "Update-FormatData", "Update-List", "Update-TypeData", "Wait-Debugger", "Wait-Event", "Write-Debug",
        "Write-Error", "Write-Host", "Write-Information", "Write-Output", "Write-Progress", "Write-Verbose",
        "Write-Warning",
    ];

    private static readonly string[] ManagementCmdlets =
    [
        "Add-Content", "Clear-Content", "Clear-Item", "Clear-ItemProperty", "Clear-RecycleBin", "Convert-Path",
        "Copy-Item", "Copy-ItemProperty", "Debug-Process", "Get-ChildItem", "Get-Clipboard", "Get-ComputerInfo",
        "Get-Content", "Get-HotFix", "Get-Item", "Get-ItemProperty", "Get-ItemPropertyValue", "Get-Location",
        "Get-Process", "Get-PSDrive", "Get-PSProvider", "Get-Service", "Get-TimeZone", "Invoke-Item", "Join-Path",
        "Move-Item", "Move-ItemProperty", "New-Item", "New-ItemProperty", "New-PSDrive", "New-Service",
        "Pop-Location", "Push-Location", "Remove-Item", "Remove-ItemProperty", "Remove-PSDrive", "Remove-Service",
        "Rename-Computer", "Rename-Item", "Rename-ItemProperty", "Resolve-Path", "Restart-Computer",
        "Restart-Service", "Resume-Service", "Set-Clipboard", "Set-Content", "Set-Item", "Set-ItemProperty",
        "Set-Location", "Set-Service", "Set-TimeZone", "Split-Path", "Start-Process", "Start-Service",
        "Stop-Computer", "Stop-Process", "Stop-Service", "Suspend-Service", "Test-Connection", "Test-Path",
        "Wait-Process",
    ];

    private static readonly string[] SecurityCmdlets =
    [
        "ConvertFrom-SecureString", "ConvertTo-SecureString", "Get-Acl", "Get-AuthenticodeSignature",
        "Get-CmsMessage", "Get-Credential", "Get-ExecutionPolicy", "Get-PfxCertificate", "New-FileCatalog",
        "Protect-CmsMessage", "Set-Acl", "Set-AuthenticodeSignature", "Set-ExecutionPolicy", "Test-FileCatalog",
        "Unprotect-CmsMessage",
    ];

    // pwsh's built-in aliases for the cmdlets above (some exist only on Windows, where runbooks
    // are often written).
    private static readonly (string Alias, string Cmdlet)[] Aliases =
    [
        ("select", "Select-Object"), ("sort", "Sort-Object"), ("measure", "Measure-Object"), ("group", "Group-Object"),
        ("tee", "Tee-Object"), ("compare", "Compare-Object"), ("diff", "Compare-Object"), ("fl", "Format-List"),
        ("ft", "Format-Table"), ("fw", "Format-Wide"), ("fc", "Format-Custom"), ("fhx", "Format-Hex"),
        ("gm", "Get-Member"), ("echo", "Write-Output"), ("write", "Write-Output"), ("iex", "Invoke-Expression"),
        ("irm", "Invoke-RestMethod"), ("iwr", "Invoke-WebRequest"), ("curl", "Invoke-WebRequest"),
        ("wget", "Invoke-WebRequest"), ("epcsv", "Export-Csv"), ("ipcsv", "Import-Csv"), ("epal", "Export-Alias"),
        ("ipal", "Import-Alias"), ("gal", "Get-Alias"), ("sal", "Set-Alias"), ("nal", "New-Alias"),
        ("gv", "Get-Variable"), ("sv", "Set-Variable"), ("set", "Set-Variable"), ("nv", "New-Variable"),
        ("rv", "Remove-Variable"), ("clv", "Clear-Variable"), ("sleep", "Start-Sleep"), ("gu", "Get-Unique"),
        ("ogv", "Out-GridView"), ("sls", "Select-String"), ("shcm", "Show-Command"), ("gcs", "Get-PSCallStack"),
        ("gbp", "Get-PSBreakpoint"), ("sbp", "Set-PSBreakpoint"), ("rbp", "Remove-PSBreakpoint"),
        ("dbp", "Disable-PSBreakpoint"), ("ebp", "Enable-PSBreakpoint"), ("trcm", "Trace-Command"),
        ("gci", "Get-ChildItem"), ("ls", "Get-ChildItem"), ("dir", "Get-ChildItem"), ("cd", "Set-Location"),
        ("chdir", "Set-Location"), ("sl", "Set-Location"), ("pwd", "Get-Location"), ("gl", "Get-Location"),
        ("cat", "Get-Content"), ("gc", "Get-Content"), ("type", "Get-Content"), ("cp", "Copy-Item"),
        ("copy", "Copy-Item"), ("cpi", "Copy-Item"), ("mv", "Move-Item"), ("move", "Move-Item"), ("mi", "Move-Item"),
        ("rm", "Remove-Item"), ("del", "Remove-Item"), ("erase", "Remove-Item"), ("rd", "Remove-Item"),
        ("rmdir", "Remove-Item"), ("ri", "Remove-Item"), ("ni", "New-Item"), ("gi", "Get-Item"), ("ii", "Invoke-Item"),
        ("si", "Set-Item"), ("cli", "Clear-Item"), ("gp", "Get-ItemProperty"), ("gpv", "Get-ItemPropertyValue"),
        ("sp", "Set-ItemProperty"), ("rp", "Remove-ItemProperty"), ("cpp", "Copy-ItemProperty"),
        ("mp", "Move-ItemProperty"), ("rnp", "Rename-ItemProperty"), ("clp", "Clear-ItemProperty"),
        ("rni", "Rename-Item"), ("ren", "Rename-Item"), ("rvpa", "Resolve-Path"), ("cvpa", "Convert-Path"),
        ("ac", "Add-Content"), ("clc", "Clear-Content"), ("ps", "Get-Process"), ("gps", "Get-Process"),
        ("kill", "Stop-Process"), ("spps", "Stop-Process"), ("saps", "Start-Process"), ("start", "Start-Process"),
        ("gsv", "Get-Service"), ("sasv", "Start-Service"), ("spsv", "Stop-Service"), ("pushd", "Push-Location"),
        ("popd", "Pop-Location"), ("gdr", "Get-PSDrive"), ("ndr", "New-PSDrive"), ("mount", "New-PSDrive"),
        ("rdr", "Remove-PSDrive"), ("gcb", "Get-Clipboard"), ("scb", "Set-Clipboard"), ("gin", "Get-ComputerInfo"),
        ("gtz", "Get-TimeZone"), ("stz", "Set-TimeZone"),
    ];

    // What to write instead, where the core language has a direct way; the rest are pipelines
    // that ForEach-Object and Where-Object can rebuild.
    private static readonly FrozenDictionary<string, string> Rewrites = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Write-Host"] = "$Host.UI.WriteLine()",
        ["Write-Output"] = "the value alone on its line (it goes to the pipeline as it is)",
        ["Write-Verbose"] = "$PSCmdlet.WriteVerbose() in a [CmdletBinding()] script or function",
        ["Write-Warning"] = "$PSCmdlet.WriteWarning() in a [CmdletBinding()] script or function",
        ["Write-Debug"] = "$PSCmdlet.WriteDebug() in a [CmdletBinding()] script or function",
        ["Write-Information"] = "$PSCmdlet.WriteInformation() in a [CmdletBinding()] script or function",
        ["Write-Error"] = "$PSCmdlet.WriteError() in a [CmdletBinding()] script or function, or throw",
        ["Write-Progress"] = "nothing: netops shows no progress",
        ["Start-Sleep"] = "[System.Threading.Thread]::Sleep(<milliseconds>)",
        ["Get-Date"] = "[datetime]::Now",
        ["New-Object"] = "[<TypeName>]::new(<arguments>)",
        ["Read-Host"] = "a script parameter: netops never prompts",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Keyed in any case; the value keeps the canonical spelling for the message.
    private static readonly FrozenDictionary<string, (string Cmdlet, string Module)> Cmdlets = BuildCmdlets();
    private static readonly FrozenDictionary<string, string> CmdletOfAlias =
        Aliases.ToFrozenDictionary(pair => pair.Alias, pair => pair.Cmdlet, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Finds a command name (cmdlet or alias, any case) that full pwsh has and netops lacks; the
    /// cmdlet comes back with its canonical spelling.
    /// </summary>
    public static bool TryFind(string? name, out string cmdlet, out string module)
    {
        cmdlet = string.Empty;
        module = string.Empty;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        string key = CmdletOfAlias.TryGetValue(name, out string? aliased) ? aliased : name;
        if (!Cmdlets.TryGetValue(key, out (string Cmdlet, string Module) found))
        {
            return false;
        }

        (cmdlet, module) = found;
        return true;
    }

    /// <summary>How to do without the cmdlet in the core language (used after "rewrite it with").</summary>
    public static string RewriteFor(string cmdlet) =>
        Rewrites.TryGetValue(cmdlet, out string? rewrite) ? rewrite : "ForEach-Object/Where-Object";

    private static FrozenDictionary<string, (string Cmdlet, string Module)> BuildCmdlets()
    {
        var map = new Dictionary<string, (string Cmdlet, string Module)>(StringComparer.OrdinalIgnoreCase);
        foreach ((string[] cmdlets, string module) in new[] { (UtilityCmdlets, Utility), (ManagementCmdlets, Management), (SecurityCmdlets, Security) })
        {
            foreach (string cmdlet in cmdlets)
            {
                map.Add(cmdlet, (cmdlet, module));
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
