using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>Cmdlets of full pwsh that the embedded engine lacks get a message that says so, not "not recognized".</summary>
public sealed class MissingCmdletTests
{
    [Fact]
    public async Task SelectObject_NamesItsModuleAndPwshAndHowToRunTheScript()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "Start-TcpEchoServer -Port 0 | Select-Object Port");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith(
            "netops: 'Select-Object' is a cmdlet of Microsoft.PowerShell.Utility, which needs full pwsh 7.4+",
            run.Stderr,
            StringComparison.Ordinal);
        string manifest = Path.Combine(NetopsBuild.ModuleFolder, "NetOpsPS.psd1");
        Assert.Contains($"Run this script in pwsh with Import-Module {manifest}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("FullyQualifiedErrorId : CommandNotFoundException", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Copy-Item a b", "'Copy-Item' is a cmdlet of Microsoft.PowerShell.Management")]
    [InlineData("ConvertTo-SecureString x -AsPlainText", "'ConvertTo-SecureString' is a cmdlet of Microsoft.PowerShell.Security")]
    [InlineData("ogv", "'ogv' (alias of Out-GridView) is a cmdlet of Microsoft.PowerShell.Utility")]
    [InlineData("Write-Host hello", "rewrite it with $Host.UI.WriteLine()")]
    public async Task OtherModulesAndAliases_AreNamedToo(string script, string expected)
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", script);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownName_KeepsTheEngineMessage()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "Get-NoSuchThing");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("The term 'Get-NoSuchThing' is not recognized", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("netops:", run.Stderr, StringComparison.Ordinal);
    }
}
