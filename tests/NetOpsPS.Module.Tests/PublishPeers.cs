using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using NetOpsPS.Module.Tests.Harness;

namespace NetOpsPS.Module.Tests;

/// <summary>
/// Real netconfd peers for the Publish-NetDeviceConfig tests, started with tests/peers/netconf/start-netconf.sh
/// (this project must not reference the engines, so not through TestSupport) and read back with ncclient
/// (tests/peers/netconf/nc-state.py). Runs as root: netconfd runs as the peertest user install.sh creates.
/// </summary>
public sealed class PublishPeers : IDisposable
{
    public const string User = "peertest";
    public const string Password = "Peer-Pass-123";
    private const int Count = 3;
    private static readonly string PeersDir = Path.GetFullPath(Path.Combine(ModulePaths.Source, "..", "tests", "peers"));
    private readonly List<(string Dir, int Port, int[] Pids)> _peers = [];

    public PublishPeers()
    {
        if (!File.Exists("/usr/sbin/netconfd") || !File.Exists("/usr/lib/python3/dist-packages/ncclient/__init__.py"))
        {
            throw new InvalidOperationException("netconfd or ncclient missing: install the Debian packages netconfd and python3-ncclient (tests/peers/install.sh).");
        }

        Parallel.For(0, Count, _ =>
        {
            string dir = Directory.CreateTempSubdirectory("publish-peer-").FullName;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("755", 8));
            }
            string[] fields = Run(Path.Combine(PeersDir, "netconf", "start-netconf.sh"), dir, [dir, User]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            lock (_peers)
            {
                _peers.Add((dir, int.Parse(fields[0], CultureInfo.InvariantCulture), fields.Skip(1).Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray()));
            }
        });
        _peers.Sort((a, b) => a.Port.CompareTo(b.Port));
        KnownHostsPath = Path.Combine(_peers[0].Dir, "all_known_hosts");
        File.WriteAllLines(KnownHostsPath, _peers.SelectMany(p => File.ReadAllLines(Path.Combine(p.Dir, "known_hosts"))));
    }

    public IReadOnlyList<int> Ports => _peers.Select(p => p.Port).ToArray();

    public string KnownHostsPath { get; }

    /// <summary>ncclient's reading of one peer: running's ietf-system contact, and whether candidate equals running and is unlocked.</summary>
    public (string? Contact, bool CandidateClean) State(int port)
    {
        var peer = _peers.Single(p => p.Port == port);
        string json = Run("/usr/bin/python3", peer.Dir,
            [Path.Combine(PeersDir, "netconf", "nc-state.py"), port.ToString(CultureInfo.InvariantCulture), User, Password, Path.Combine(peer.Dir, "known_hosts")]);
        using JsonDocument state = JsonDocument.Parse(json);
        string running = state.RootElement.GetProperty("running").GetString()!;
        string candidate = state.RootElement.GetProperty("candidate").GetString()!;
        string? contact = XElement.Parse(running).Descendants().FirstOrDefault(e => e.Name.LocalName == "contact")?.Value;
        return (contact, running == candidate && state.RootElement.GetProperty("candidate_lockable").GetBoolean());
    }

    public void Dispose()
    {
        foreach ((string dir, _, int[] pids) in _peers)
        {
            foreach (int pid in pids)
            {
                Run(Path.Combine(PeersDir, "lib", "stop-pid.sh"), dir, [pid.ToString(CultureInfo.InvariantCulture)]);
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    // Output goes to files: the daemons a start script launches inherit its stdout, and a pipe would stay open.
    private static string Run(string program, string dir, string[] arguments)
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
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 90 s.");
        }

        string output = File.ReadAllText(outPath).Trim();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {File.ReadAllText(errPath)}");
    }
}
