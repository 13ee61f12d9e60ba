using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Peers.Tests.Support;

/// <summary>Runs a reference client (snmpget, ssh, dig, tshark...) with a deadline.</summary>
internal static class Tool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Fails with the Debian package's name when the client is not installed, like the peers do.</summary>
    public static async Task<ToolResult> RunAsync(PeerBinary tool, IReadOnlyList<string> arguments, string? standardInput = null)
    {
        Peer.RequireBinaries(tool);
        var startInfo = new ProcessStartInfo(tool.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {tool.Path}");
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(Timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            return new ToolResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool.Path} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s");
        }
    }
}
