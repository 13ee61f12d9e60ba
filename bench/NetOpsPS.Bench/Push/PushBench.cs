using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Bench.Tcp;
using NetOpsPS.Devices.Push;

namespace NetOpsPS.Bench.Push;

/// <summary>
/// <c>push</c>: issue 7's batch benchmark. Starts N real netconfd peers (tests/peers/netconf/start-netconf.sh),
/// pushes one small ietf-system change to all of them sequentially (ThrottleLimit 1) and then in parallel
/// (ThrottleLimit N), each through lock, edit-config, validate, diff, commit, unlock, and prints the ratio
/// (goal: parallel at most 0.25 of sequential). Every push must commit, else the run fails. With --rtt-ms N it
/// then does the same through a <see cref="TcpDelayRelay"/> in front of each peer, so the devices are N ms away.
/// </summary>
internal static class PushBench
{
    public const string Usage = "NetOpsPS.Bench push --peers <tests/peers folder> [--devices 20] [--rtt-ms 0] [--user peertest] [--password Peer-Pass-123] [--auth password|key]";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancel)
    {
        Dictionary<string, string> options = Parse(args);
        string peersDir = Path.GetFullPath(options.GetValueOrDefault("--peers") ?? throw new ArgumentException("--peers is required.\n" + Usage));
        int count = int.Parse(options.GetValueOrDefault("--devices", "20"), CultureInfo.InvariantCulture);
        int rttMs = int.Parse(options.GetValueOrDefault("--rtt-ms", "0"), CultureInfo.InvariantCulture);
        if (rttMs < 0)
        {
            throw new ArgumentException("--rtt-ms must be 0 or more.\n" + Usage);
        }

        string user = options.GetValueOrDefault("--user", "peertest");
        string auth = options.GetValueOrDefault("--auth", "both");
        if (auth is not ("password" or "key" or "both"))
        {
            throw new ArgumentException("--auth is password, key or both.\n" + Usage);
        }

        string[] logins = auth == "both" ? ["key", "password"] : [auth];
        var login = new NetworkCredential(user, options.GetValueOrDefault("--password", "Peer-Pass-123"));

        await using var fleet = await PushBenchPeers.StartAsync(peersDir, user, count, cancel);
        Console.WriteLine($"push: {count} netconfd peers up on 127.0.0.1 ports {string.Join(',', fleet.Ports)}; login {user}");
        Console.WriteLine($"push: {Environment.ProcessorCount} CPUs, load average {ProcFs.LoadAverage()} at start");
        var connector = new NetconfPushConnector(new NetconfPushConnectorOptions { KnownHostsPath = fleet.KnownHostsPath });
        foreach (string mode in logins)
        {
            // By key (each peer's authorised ed25519 key), as automation logs in, or by password, which sshd checks
            // against the yescrypt hash in /etc/shadow: about 20 ms of the peer's CPU per login, by design.
            bool useKeys = mode == "key";
            // Warm-up, not measured: one push to every device in parallel, so that the measured runs find the code
            // compiled at its steady tier (the JIT's tier-1 recompilation was a quarter of the client's CPU after a
            // one-device warm-up) and every peer's first-login work done.
            await PushAsync(fleet, fleet.Ports, "warmup", count, login, useKeys, connector, cancel);
            await CompareAsync(fleet, $"loopback, {mode}", fleet.Ports, login, useKeys, connector, cancel);
        }

        if (rttMs > 0)
        {
            TcpDelayRelay[] relays = fleet.Ports.Select(p => new TcpDelayRelay(p, TimeSpan.FromMilliseconds(rttMs))).ToArray();
            try
            {
                string knownHosts = await fleet.WriteKnownHostsAsync(relays.Select(r => (r.Port, r.DevicePort)), cancel);
                var relayed = new NetconfPushConnector(new NetconfPushConnectorOptions { KnownHostsPath = knownHosts });
                Console.WriteLine($"push: +{rttMs} ms RTT: a TCP delay relay in front of each peer ({rttMs / 2.0:0.#} ms each way), relay ports {string.Join(',', relays.Select(r => r.Port))}");
                // The relays are measured with the last login of the loopback runs.
                string relayMode = logins[^1];
                await CompareAsync(fleet, $"+{rttMs} ms RTT, {relayMode}", relays.Select(r => r.Port).ToArray(), login, relayMode == "key", relayed, cancel);
            }
            finally
            {
                foreach (TcpDelayRelay relay in relays)
                {
                    relay.Dispose();
                }
            }
        }

        Console.WriteLine($"push: load average {ProcFs.LoadAverage()} at end");
        return 0;
    }

    private static async Task CompareAsync(
        PushBenchPeers fleet, string label, IReadOnlyList<int> ports, NetworkCredential login, bool useKeys, NetconfPushConnector connector, CancellationToken cancel)
    {
        int count = ports.Count;
        TimeSpan sequential = await PushAsync(fleet, ports, "sequential", 1, login, useKeys, connector, cancel);
        TimeSpan parallel = await PushAsync(fleet, ports, "parallel", count, login, useKeys, connector, cancel);
        double ratio = parallel.TotalSeconds / sequential.TotalSeconds;
        Console.WriteLine($"push [{label}]: sequential (ThrottleLimit 1)  {sequential.TotalSeconds,8:0.000} s  {sequential.TotalMilliseconds / count,7:0.0} ms/device");
        Console.WriteLine($"push [{label}]: parallel   (ThrottleLimit {count}) {parallel.TotalSeconds,8:0.000} s  {parallel.TotalMilliseconds / count,7:0.0} ms/device");
        Console.WriteLine($"push [{label}]: ratio parallel/sequential = {ratio:0.000} (goal <= 0.25: {(ratio <= 0.25 ? "met" : "missed")}) on {Environment.ProcessorCount} CPUs");
    }

    private static async Task<TimeSpan> PushAsync(
        PushBenchPeers fleet, IReadOnlyList<int> ports, string tag, int throttle, NetworkCredential login, bool useKeys, NetconfPushConnector connector, CancellationToken cancel)
    {
        string run = tag + "-" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        PushRequest[] requests = ports.Select((port, i) => new PushRequest(
            $"dev{i:00}", "127.0.0.1", port,
            $"<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"><contact>{run}-dev{i:00}</contact></system>",
            useKeys ? new NetworkCredential(login.UserName, (string?)null) : login)
        {
            // With --auth key, each peer's own authorised key (a relay port has no peer dir: the same order as the peers).
            PrivateKeyPaths = useKeys ? [fleet.KeyFileFor(fleet.Ports[i])] : null,
        }).ToArray();
        double oursBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        double peersBefore = fleet.PeerCpuSeconds();
        double busyBefore = Tcp.ProcFs.BusyCpuSeconds();
        var clock = Stopwatch.StartNew();
        IReadOnlyList<NetDevicePushResult> results = await BatchPush.RunAsync(
            requests, connector, new BatchPushOptions { ThrottleLimit = throttle }, cancel);
        clock.Stop();
        if (tag != "warmup")
        {
            // Where the CPU goes: with every device's work on the same cores, the parallel run cannot take less
            // than (all CPU) / (cores), so this says how close to that floor it is and whose CPU it is.
            double ours = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - oursBefore;
            double peers = fleet.PeerCpuSeconds() - peersBefore;
            double busy = Tcp.ProcFs.BusyCpuSeconds() - busyBefore;
            int n = ports.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"push   {tag,-10} CPU per device: NetOpsPS {ours * 1000 / n,6:0.0} ms, peers (sshd, netconf subsystem, netconfd) {peers * 1000 / n,6:0.0} ms, machine busy {busy * 1000 / n,6:0.0} ms; elapsed {clock.Elapsed.TotalMilliseconds / n,6:0.0} ms per device"));
        }
        NetDevicePushResult[] failed = results.Where(r => !r.Committed).ToArray();
        if (failed.Length > 0)
        {
            throw new InvalidOperationException($"{tag}: {failed.Length} devices not committed: " +
                string.Join("; ", failed.Select(f => $"{f.Device} {f.Status} at {f.Step}: {f.Error}")));
        }

        return clock.Elapsed;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Bad option '{args[i]}'.\n{Usage}");
            }

            options[args[i]] = args[i + 1];
        }

        return options;
    }
}
