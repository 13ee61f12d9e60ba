using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>tshark 4.0 as the reference dissector: one row per matching frame, one string per requested field.</summary>
internal static class Tshark
{
    public static readonly PeerBinary Binary = new("/usr/bin/tshark", "tshark");

    public static IReadOnlyList<string[]> Fields(string pcap, string displayFilter, params string[] fields)
    {
        Peer.RequireBinaries(Binary);
        var start = new ProcessStartInfo(Binary.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "-n", "-r", pcap, "-Y", displayFilter, "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "separator=\t" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string field in fields)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(field);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tshark did not finish within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tshark exited with {process.ExitCode}: {errors.Result}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).ToArray();
    }

    /// <summary>"0x1302,0x1303" or "4866,4867" to numbers; empty to none.</summary>
    public static ushort[] Numbers(string field) =>
        field.Length == 0 ? [] : field.Split(',').Select(v => (ushort)Convert.ToInt32(v, v.StartsWith("0x", StringComparison.Ordinal) ? 16 : 10)).ToArray();

    public static string[] Strings(string field) => field.Length == 0 ? [] : field.Split(',');
}
