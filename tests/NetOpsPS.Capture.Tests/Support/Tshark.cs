using System;
using System.Collections.Generic;
using System.Linq;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Capture.Tests.Support;

/// <summary>tshark as the reference decoder: one row per frame, one column per field, repeated values joined by ','.</summary>
internal static class Tshark
{
    public static IReadOnlyList<Dictionary<string, string>> Fields(string file, params string[] fields)
    {
        Peer.RequireBinaries(new PeerBinary("/usr/bin/tshark", "tshark"));
        // Defragmentation off: tshark then decodes a first fragment's transport header as we do.
        var arguments = new List<string> { "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE", "-r", file, "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=," };
        foreach (string field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        ProcessResult result = ProcessRunner.Run("/usr/bin/tshark", [.. arguments], TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"tshark failed ({result.ExitCode}): {result.Error}");
        }

        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .Select(values => fields.Select((f, i) => (f, v: i < values.Length ? values[i] : string.Empty)).ToDictionary(x => x.f, x => x.v))
            .ToList();
    }
}
