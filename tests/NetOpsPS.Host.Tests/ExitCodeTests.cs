using System;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>What a runbook or CI job keys on: the exit code, and a readable error on stderr.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task Throw_IsNonZeroWithTheMessageAndPositionOnStderr()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "'before'; throw 'link down on gw1'; 'after'");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("before", run.Stdout.Trim());
        Assert.StartsWith("link down on gw1", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("At line:1 char:11", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonTerminatingError_RunsOnButExitsNonZeroWithTheErrorIdOnStderr()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "Get-TcpServer -Id 999999; 'after'");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("after", run.Stdout.Trim());
        Assert.StartsWith("Get-TcpServer: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("FullyQualifiedErrorId : TcpServerNotFound,NetOpsPS.Tcp.GetTcpServerCommand", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("CategoryInfo          : ObjectNotFound", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorActionStop_EndsTheScript()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "Get-TcpServer -Id 999999 -ErrorAction Stop; 'not reached'");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain("not reached", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("TcpServerNotFound", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitN_IsTheExitCode()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "exit 7");

        Assert.True(run.ExitCode == 7, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task ExplicitExitZero_WinsOverEarlierErrors()
    {
        // The script handled the failure and says so; the error is still printed.
        NetopsResult run = await NetopsProcess.RunAsync("-c", "Get-TcpServer -Id 999999; exit 0");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("TcpServerNotFound", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaughtError_LeavesTheExitCodeAtZero()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "try { Get-TcpServer -Id 999999 -ErrorAction Stop } catch { 'handled' }");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("handled", run.Stdout.Trim());
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task ParseError_IsNonZeroWithThePosition()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "'x'; if (");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stdout.Trim());
        Assert.StartsWith("ParserError: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("At line:1 char:", run.Stderr, StringComparison.Ordinal);
    }
}
