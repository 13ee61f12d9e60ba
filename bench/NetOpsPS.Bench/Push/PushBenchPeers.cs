using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Bench.Push;

/// <summary>N netconfd peers from tests/peers/netconf/start-netconf.sh, one known_hosts for all, stopped by PID.</summary>
internal sealed class PushBenchPeers : IAsyncDisposable
{
    private readonly string _peersDir;
    private readonly List<(string Dir, int Port, int[] Pids)> _peers;

    private PushBenchPeers(string peersDir, List<(string, int, int[])> peers, string knownHosts)
    {
        _peersDir = peersDir;
        _peers = peers;
        KnownHostsPath = knownHosts;
    }

    public IReadOnlyList<int> Ports => _peers.Select(p => p.Port).ToArray();

    /// <summary>The ed25519 client key each peer authorises for the user (start-netconf.sh), by port.</summary>
    public string KeyFileFor(int port) => Path.Combine(_peers.First(p => p.Port == port).Dir, "id_ed25519");

    public string KnownHostsPath { get; }

    public static async Task<PushBenchPeers> StartAsync(string peersDir, string user, int count, CancellationToken cancel)
    {
        var peers = new List<(string, int, int[])>();
        using var slots = new SemaphoreSlim(4);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
            {
                await slots.WaitAsync(cancel);
                try
                {
                    string dir = Directory.CreateTempSubdirectory("push-bench-").FullName;
                    if (!OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("755", 8));
                    }
                    string[] fields = (await RunAsync(Path.Combine(peersDir, "netconf", "start-netconf.sh"), dir, [dir, user], cancel))
                        .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    lock (peers)
                    {
                        peers.Add((dir, int.Parse(fields[0], CultureInfo.InvariantCulture), fields.Skip(1).Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray()));
                    }
                }
                finally
                {
                    slots.Release();
                }
            }));
        }
        catch
        {
            await new PushBenchPeers(peersDir, peers, string.Empty).DisposeAsync();
            throw;
        }

        peers.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        string knownHosts = Path.Combine(peers[0].Item1, "all_known_hosts");
        await File.WriteAllLinesAsync(knownHosts, peers.SelectMany(p => File.ReadAllLines(Path.Combine(p.Item1, "known_hosts"))), cancel);
        return new PushBenchPeers(peersDir, peers, knownHosts);
    }

    /// <summary>
    /// A known_hosts with every peer's keys and, for each relay, the keys of the peer behind it under the relay's port,
    /// so host keys are still verified when the pushes go through relays.
    /// </summary>
    public async Task<string> WriteKnownHostsAsync(IEnumerable<(int Port, int PeerPort)> relays, CancellationToken cancel)
    {
        string[] lines = await File.ReadAllLinesAsync(KnownHostsPath, cancel);
        IEnumerable<string> aliases = relays.SelectMany(relay => lines
            .Where(line => line.StartsWith($"[127.0.0.1]:{relay.PeerPort},", StringComparison.Ordinal))
            .Select(line => $"[127.0.0.1]:{relay.Port} {line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]}"));
        string path = Path.Combine(Path.GetDirectoryName(KnownHostsPath)!, "relay_known_hosts");
        await File.WriteAllLinesAsync(path, lines.Concat(aliases), cancel);
        return path;
    }

    /// <summary>CPU seconds of every peer's process trees (sshd with the sessions and subsystems it reaped, netconfd).</summary>
    public double PeerCpuSeconds() => _peers.SelectMany(p => p.Pids).Sum(pid => Tcp.ProcFs.TreeUsage(pid).CpuSeconds);

    public async ValueTask DisposeAsync()
    {
        foreach ((string dir, _, int[] pids) in _peers)
        {
            foreach (int pid in pids)
            {
                await RunAsync(Path.Combine(_peersDir, "lib", "stop-pid.sh"), dir, [pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    // Output to files: the daemons a start script launches inherit its stdout, and a pipe would stay open.
    private static async Task<string> RunAsync(string program, string dir, string[] arguments, CancellationToken cancel)
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        string outPath = Path.Combine(dir, $"run-{tag}.out");
        string errPath = Path.Combine(dir, $"run-{tag}.err");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (string a in new[] { "-c", "o=$1; e=$2; shift 2; exec \"$@\" </dev/null >\"$o\" 2>\"$e\"", "sh", outPath, errPath, program }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode == 0
            ? (await File.ReadAllTextAsync(outPath, CancellationToken.None)).Trim()
            : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await File.ReadAllTextAsync(errPath, CancellationToken.None)}");
    }
}
