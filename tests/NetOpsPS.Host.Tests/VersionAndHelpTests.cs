using System;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>-Version, -Help and a wrong command line.</summary>
public sealed class VersionAndHelpTests
{
    [Fact]
    public async Task Version_PrintsNetopsModuleAndEngineVersions()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-Version");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Stdout.TrimEnd().Split('\n');
        Assert.Equal($"netops {NetopsBuild.Version}", lines[0]);
        Assert.StartsWith($"NetOpsPS {NetopsBuild.Version} {NetopsBuild.ModuleFolder}", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("PowerShell 7.6.", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-Help")]
    [InlineData("-?")]
    [InlineData("--help")]
    public async Task Help_PrintsTheUsage(string option)
    {
        NetopsResult run = await NetopsProcess.RunAsync(option);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("netops -Command '<script>'", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("netops -File <script.ps1> [args]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("NETOPS_MODULE_PATH", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "nothing to run")]
    [InlineData(new[] { "-Bogus" }, "unknown option '-Bogus'")]
    [InlineData(new[] { "-Command" }, "-Command needs a script text")]
    [InlineData(new[] { "-File" }, "-File needs the path of a script file")]
    public async Task BadCommandLine_Exits64WithTheReason(string[] args, string reason)
    {
        NetopsResult run = await NetopsProcess.RunAsync(args);

        Assert.True(run.ExitCode == 64, run.ToString());
        Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PwshOnlySwitches_AreAcceptedAndIgnored()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-NoProfile", "-NonInteractive", "-NoLogo", "-Command", "'ok'");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ok", run.Stdout.Trim());
    }
}
