using System;
using System.Collections.Generic;
using System.Linq;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Capture.Tests.Support;

/// <summary>tshark as the reference decoder: one row per frame, one column per field, repeated values joined by ','.</summary>
internal static class Tshark
{
    private static readonly PeerBinary Binary = new("/usr/bin/tshark", "tshark");

    public static IReadOnlyList<Dictionary<string, string>> Fields(string file, params string[] fields) =>
        Rows(file, displayFilter: null, fields)
            .Select(values => fields.Select((f, i) => (f, v: i < values.Length ? values[i] : string.Empty)).ToDictionary(x => x.f, x => x.v))
            .ToList();

    /// <summary>The fields of the frames that match <paramref name="displayFilter"/> (all frames when null), in the order asked.</summary>
    public static IReadOnlyList<string[]> Rows(string file, string? displayFilter, params string[] fields)
    {
        // Defragmentation off: tshark then decodes a first fragment's transport header as we do.
        var arguments = new List<string> { "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE", "-r", file, "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=," };
        if (displayFilter is not null)
        {
            arguments.AddRange(["-Y", displayFilter]);
        }

        foreach (string field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        return Run([.. arguments]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('|')).ToList();
    }

    /// <summary>Runs tshark to its end and returns its output; a missing tshark names its package, a failure throws.</summary>
    public static string Run(params string[] arguments)
    {
        Peer.RequireBinaries(Binary);
        ProcessResult result = ProcessRunner.Run(Binary.Path, arguments, TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tshark failed ({result.ExitCode}): {result.Error}");
        }

        return result.Output;
    }

    /// <summary>"0x1302,0x1303" or "4866,4867" to numbers; empty to none.</summary>
    public static ushort[] Numbers(string field) =>
        field.Length == 0 ? [] : field.Split(',').Select(v => (ushort)Convert.ToInt32(v, v.StartsWith("0x", StringComparison.Ordinal) ? 16 : 10)).ToArray();

    public static string[] Strings(string field) => field.Length == 0 ? [] : field.Split(',');
}
