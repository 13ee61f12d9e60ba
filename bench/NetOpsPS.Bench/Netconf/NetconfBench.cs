using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Ssh;

namespace NetOpsPS.Bench.Netconf;

/// <summary>
/// Issue 7's NETCONF benchmark: the same edit-config + commit round trip with NetOpsPS's NetconfSession and with
/// ncclient (the reference client) against the same netconfd, in one run, each over one session opened beforehand.
/// Rounds alternate (ours, ncclient, ours...) so a load change on the shared host hits both. Goal: ours &lt;= 0.8x.
/// </summary>
internal static class NetconfBench
{
    private static readonly XNamespace Sys = "urn:ietf:params:xml:ns:yang:ietf-system";

    public static async Task<int> RunAsync(NetconfBenchOptions options, CancellationToken cancellationToken)
    {
        var ours = new List<double>();
        var theirs = new List<double>();
        await using NetconfSession session = await NetconfSession.ConnectAsync(
            new NetconfSessionOptions
            {
                Ssh = new SshConnectionOptions
                {
                    Host = "127.0.0.1",
                    Port = options.Port,
                    UserName = options.User,
                    PrivateKeyPaths = [options.Key],
                    KnownHostsPath = options.KnownHosts,
                },
            },
            cancellationToken);
        Console.WriteLine($"netconfd on 127.0.0.1:{options.Port}, session-id {session.SessionId}, base:{session.BaseVersion}; " +
            $"{options.Rounds} rounds x {options.Iterations} edit-config + commit round trips each side");
        await RoundAsync(session, "warmup", 3, null, cancellationToken);
        for (int round = 1; round <= options.Rounds; round++)
        {
            await RoundAsync(session, $"ours{round}", options.Iterations, ours, cancellationToken);
            theirs.AddRange(await NcclientAsync(options, $"ncclient{round}", cancellationToken));
            Console.WriteLine($"round {round}: NetOpsPS median {Median(ours) * 1000:0.00} ms, ncclient median {Median(theirs) * 1000:0.00} ms");
        }

        // Leave the fixture value as start-netconf.sh wrote it.
        await session.EditConfigAsync(new NetconfEditOptions { Config = Contact("noc@example.test") }, cancellationToken);
        await session.CommitAsync(null, cancellationToken);
        double ratio = Median(ours) / Median(theirs);
        Console.WriteLine();
        Console.WriteLine($"{"client",-10} {"n",5} {"median ms",10} {"mean ms",9} {"p90 ms",8} {"ops/s",7}");
        Print("NetOpsPS", ours);
        Print("ncclient", theirs);
        Console.WriteLine($"ratio NetOpsPS/ncclient (median round trip): {ratio:0.000}  (goal <= 0.8: {(ratio <= 0.8 ? "met" : "missed")})");
        return 0;
    }

    private static XElement Contact(string value) => new(Sys + "system", new XElement(Sys + "contact", value));

    private static async Task RoundAsync(NetconfSession session, string tag, int iterations, List<double>? into, CancellationToken cancellationToken)
    {
        for (int i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await session.EditConfigAsync(new NetconfEditOptions { Config = Contact($"{tag}-{i}@bench.test") }, cancellationToken);
            await session.CommitAsync(null, cancellationToken);
            into?.Add(clock.Elapsed.TotalSeconds);
        }
    }

    private static async Task<List<double>> NcclientAsync(NetconfBenchOptions options, string tag, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[]
        {
            options.NcclientScript, options.Port.ToString(CultureInfo.InvariantCulture), options.User, options.Key, options.KnownHosts,
            options.Iterations.ToString(CultureInfo.InvariantCulture), tag,
        })
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{options.Python} did not start.");
        using CancellationTokenRegistration kill = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ncclient exited {process.ExitCode}: {await error}");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToList();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void Print(string name, List<double> values)
    {
        var sorted = values.Order().ToList();
        double p90 = sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.9) - 1)];
        Console.WriteLine($"{name,-10} {values.Count,5} {Median(values) * 1000,10:0.00} {values.Average() * 1000,9:0.00} {p90 * 1000,8:0.00} {1 / Median(values),7:0.0}");
    }
}
