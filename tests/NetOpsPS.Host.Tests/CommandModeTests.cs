using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>-Command, -c, stdin and a bare command line: the script runs with NetOpsPS imported, through Out-Default.</summary>
public sealed class CommandModeTests
{
    [Fact]
    public async Task Command_EchoServerIntoTestTcpPort_PrintsTheTableViewWithOpen()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-Command", "Start-TcpEchoServer -Port 0 | Test-TcpPort");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"ComputerName\s+RemoteAddress\s+Port\s+Status", run.Stdout);
        Assert.Matches(@"(?m)^127\.0\.0\.1\s+127\.0\.0\.1\s+\d+\s+Open\b", run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stdout); // redirected output is plain text, no ANSI styles
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task ShortC_RunsTheScriptInTheGlobalScope()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "$port = 22; $global:port + 1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("23", run.Stdout.Trim());
    }

    [Fact]
    public async Task BareCommandLine_JoinsTheWordsIntoOneCommand()
    {
        NetopsResult run = await NetopsProcess.RunAsync("Start-TcpEchoServer", "-Port", "0", "-Name", "bare-line");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"(?m)^\s*\d+\s+bare-line\s+Echo\s+127\.0\.0\.1\s+\d+\s+Listening\b", run.Stdout);
    }

    [Fact]
    public async Task CommandDash_ReadsTheScriptFromStdin()
    {
        NetopsResult run = await NetopsProcess.RunAsync(["-Command", "-"], stdin: "'from' + ' stdin'\n");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("from stdin", run.Stdout.Trim());
    }

    [Fact]
    public async Task ImportModuleByName_FindsTheModuleNetopsAlreadyImported()
    {
        // The first line of most scripts written for pwsh.
        NetopsResult run = await NetopsProcess.RunAsync("-c", "Import-Module NetOpsPS; (Get-Module NetOpsPS).Version.ToString()");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(NetopsBuild.Version, run.Stdout.Trim());
    }
}
