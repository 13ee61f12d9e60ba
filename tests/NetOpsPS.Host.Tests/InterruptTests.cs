using System;
using System.Threading.Tasks;
using Xunit;

namespace NetOpsPS.Host.Tests;

/// <summary>Ctrl+C stops the running pipeline and netops exits 130, as a shell reports SIGINT.</summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task CtrlC_StopsTheRunningScriptAndExits130()
    {
        // The loop never ends on its own. The finally block runs only when the engine stops the
        // pipeline: a process killed by the signal itself would also exit 130, but print nothing.
        const string Script = """
            Start-TcpEchoServer -Port 0 -Name busy | Out-Null
            try {
                $Host.UI.WriteLine('ready')
                while ($true) { [System.Threading.Thread]::Sleep(20) }
            }
            finally {
                $Host.UI.WriteLine('pipeline stopped')
            }
            """;
        using NetopsProcess netops = NetopsProcess.Start(["-c", Script]);
        await netops.WaitForStdoutAsync("ready", NetopsProcess.DefaultTimeout);

        netops.Interrupt();
        NetopsResult run = await netops.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Equal(["ready", "pipeline stopped"], run.Stdout.TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, run.Stderr);
    }
}
