using System;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>Output on stdout; warning, verbose and debug on stderr with pwsh's prefixes.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task WarningVerboseAndDebug_GoToStderrWithTheirPrefixes()
    {
        const string Script = """
            function Invoke-Check {
                [CmdletBinding()] param()
                $PSCmdlet.WriteWarning('gw1 answers slowly')
                $PSCmdlet.WriteVerbose('probing gw1')
                $PSCmdlet.WriteDebug('socket 42')
                'checked'
            }
            $DebugPreference = 'Continue'
            Invoke-Check -Verbose
            """;

        NetopsResult run = await NetopsProcess.RunAsync("-c", Script);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("checked", run.Stdout.Trim());
        Assert.Equal(
            ["WARNING: gw1 answers slowly", "VERBOSE: probing gw1", "DEBUG: socket 42"],
            run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task HostUiWriteLine_GoesToStdout()
    {
        // What scripts use instead of Write-Host under netops.
        NetopsResult run = await NetopsProcess.RunAsync("-c", "$Host.UI.WriteLine('status: ok')");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("status: ok", run.Stdout.Trim());
    }

    [Fact]
    public async Task RedirectedOutput_IsLaidOutTo120Columns()
    {
        NetopsResult run = await NetopsProcess.RunAsync("-c", "$Host.UI.RawUI.BufferSize.Width; Get-NetOpsDependency");

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Stdout.Split('\n');
        Assert.Equal("120", lines[0]);
        Assert.All(lines, line => Assert.True(line.Length <= 120, $"{line.Length} columns: {line}"));
    }
}
