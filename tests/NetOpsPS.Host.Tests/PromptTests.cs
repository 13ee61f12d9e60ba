using System;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>
/// Nothing waits for a person. Stdin stays open in these tests, so a netops that tried to read it
/// would block until the bounded wait kills it and fails the test.
/// </summary>
public sealed class PromptTests
{
    [Fact]
    public async Task ReadHost_FailsAtOnce()
    {
        NetopsResult run = await RunWithStdinOpen("$name = Read-Host 'Device'; \"got $name\"");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("'Read-Host' is a cmdlet of Microsoft.PowerShell.Utility", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostReadLine_FailsAtOnceWithTheReason()
    {
        NetopsResult run = await RunWithStdinOpen("$line = $Host.UI.ReadLine()");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("netops runs without a console, so it cannot prompt", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingMandatoryParameter_FailsAtOnceNamingIt()
    {
        NetopsResult run = await RunWithStdinOpen("Test-TcpPort");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Prompt for ComputerName", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("HostPromptUnavailable", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_FailsAtOnceAndLeavesTheServerRunning()
    {
        NetopsResult run = await RunWithStdinOpen(
            "Start-TcpEchoServer -Port 0 -Name keep | Out-Null; Stop-TcpServer -Name keep -Confirm; (Get-TcpServer -Name keep).State");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("HostPromptUnavailable,NetOpsPS.Tcp.StopTcpServerCommand", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("Listening", run.Stdout.Trim());
    }

    private static Task<NetopsResult> RunWithStdinOpen(string script) =>
        NetopsProcess.RunAsync(["-c", script], stdin: null, keepStdinOpen: true);
}
