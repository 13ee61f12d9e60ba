using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Devices.Tests.Snmp;

/// <summary>net-snmp's command-line tools (Debian package snmp): the reference client.</summary>
internal static class NetSnmpCli
{
    public static readonly PeerBinary BulkWalk = new("/usr/bin/snmpbulkwalk", "snmp");

    public static async Task<string> RunAsync(PeerBinary tool, params string[] arguments)
    {
        Peer.RequireBinaries(tool);
        var startInfo = new ProcessStartInfo(tool.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo) ?? throw new InvalidOperationException($"cannot start {tool.Path}");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool.Path} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    public static IReadOnlyList<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
