using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>netops imports its own copy of the module, or the psd1 that NETOPS_MODULE_PATH names.</summary>
public sealed class ModuleLocationTests
{
    [Fact]
    public async Task ByDefault_TheCopyBesideNetopsIsImported()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "(Get-Module NetOpsPS).ModuleBase");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(NetopsBuild.ModuleFolder, run.Stdout.Trim());
    }

    [Fact]
    public async Task ModulePathVariable_NamingAFolder_ImportsTheManifestInIt()
    {
        NetopsResult run = await RunWithModulePath(NetopsBuild.ModuleFolder, "(Get-Module NetOpsPS).Path");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Path.Combine(NetopsBuild.ModuleFolder, "NetOpsPS.dll"), run.Stdout.Trim());
    }

    [Fact]
    public async Task ModulePathVariable_NamingNothing_Exits70WithTheReason()
    {
        string absent = Path.Combine(Path.GetTempPath(), "netops-no-module", "NetOpsPS.psd1");

        NetopsResult run = await RunWithModulePath(absent, "'not reached'");

        Assert.True(run.ExitCode == 70, run.ToString());
        Assert.Contains($"NETOPS_MODULE_PATH is '{absent}'", run.Stderr, System.StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    private static Task<NetopsResult> RunWithModulePath(string modulePath, string script) =>
        NetopsProcess.RunAsync(
            ["-c", script],
            stdin: null,
            environment: new Dictionary<string, string?> { ["NETOPS_MODULE_PATH"] = modulePath });
}
