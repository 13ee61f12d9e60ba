using System.Diagnostics;
using System.Threading.Tasks;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>`promtool check metrics` on an exposition: its exit code and everything it printed (lint problems).</summary>
internal static class Promtool
{
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        Peer.RequireBinaries(new PeerBinary("/usr/bin/promtool", "prometheus"));
        var start = new ProcessStartInfo("/usr/bin/promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
