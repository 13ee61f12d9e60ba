using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Bench.Snmp;
using NetOpsPS.Bench.Tcp;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Devices.Snmp;
using NetOpsPS.Sockets.Impairment;

namespace NetOpsPS.Bench.Exporter;

/// <summary>
/// Issue 8's benchmark: the exporter scraping N real snmpd agents (IF-MIB: sysUpTime, ifTable, ifXTable) with
/// concurrent per-target polls, against the same agents polled one after the other by the same SNMP engine and
/// by net-snmp's snmpbulkwalk; then the exporter's memory and CPU per target, and a scrape with dead targets.
/// </summary>
internal static class ExporterBench
{
    public const string Usage = "exporter [--targets 50] [--scrapes 20] [--dead 5] [--timeout 2] [--rtt-ms 0]";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int targets = Option(args, "--targets", 50), scrapes = Option(args, "--scrapes", 20), dead = Option(args, "--dead", 5);
        double timeout = Option(args, "--timeout", 2), rttMs = Option(args, "--rtt-ms", 0.0);
        string repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Console.WriteLine($"exporter bench: {targets} snmpd agents on 127.0.0.1, {scrapes} scrapes, {dead} dead targets in the last run, poll timeout {timeout} s, "
            + (rttMs > 0 ? $"{rttMs} ms round trip added by a UDP relay per agent" : "no added round trip"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores ({ProcFs.CpuModel()}), load {ProcFs.LoadAverage()}, .NET {Environment.Version}");

        var started = Stopwatch.StartNew();
        await using var fleet = new SnmpAgents(Path.Combine(repo, "tests", "peers"));
        await fleet.StartAsync(targets, cancellationToken);
        Console.WriteLine($"started {fleet.Ports.Count} snmpd in {started.Elapsed.TotalSeconds:0.0} s");
        // Every datagram held for half the round trip each way, so loopback agents answer like devices across a WAN.
        UdpImpairmentRelay[] relays = rttMs > 0
            ? fleet.Ports.Select(p => UdpImpairmentRelay.Start(new UdpImpairmentRelayOptions
            {
                Target = new IPEndPoint(IPAddress.Loopback, p),
                Impairment = new UdpImpairmentOptions { DelayProbability = 1, Delay = TimeSpan.FromMilliseconds(rttMs) / 2 },
            })).ToArray()
            : [];
        try
        {
            int[] ports = rttMs > 0 ? relays.Select(r => r.Port).ToArray() : fleet.Ports.ToArray();
            return await RunAgainstAsync(ports, targets, scrapes, dead, timeout, cancellationToken);
        }
        finally
        {
            foreach (UdpImpairmentRelay relay in relays)
            {
                await relay.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunAgainstAsync(int[] ports, int targets, int scrapes, int dead, double timeout, CancellationToken cancellationToken)
    {
        SnmpTarget[] agents = ports.Select(p => new SnmpTarget("127.0.0.1", SnmpCredential.Community("public"), p) { Timeout = TimeSpan.FromSeconds(1), Retries = 1 }).ToArray();

        // Sequential, same engine: what a script that loops over the devices costs.
        var sequential = new List<double>();
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (SnmpTarget agent in agents)
            {
                using var client = new SnmpClient(agent);
                _ = await SnmpInterfaceReader.ReadAsync(client, cancellationToken: cancellationToken);
            }

            sequential.Add(clock.Elapsed.TotalMilliseconds);
        }

        // Sequential, net-snmp: snmpget of sysUpTime plus two snmpbulkwalks per agent, as a shell loop would.
        var netSnmp = Stopwatch.StartNew();
        foreach (int port in ports)
        {
            string host = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
            await NetSnmpAsync("/usr/bin/snmpget", ["-v2c", "-c", "public", "-On", host, ".1.3.6.1.2.1.1.3.0"], cancellationToken);
            await NetSnmpAsync("/usr/bin/snmpbulkwalk", ["-v2c", "-c", "public", "-On", "-Cr25", host, ".1.3.6.1.2.1.2.2.1"], cancellationToken);
            await NetSnmpAsync("/usr/bin/snmpbulkwalk", ["-v2c", "-c", "public", "-On", "-Cr25", host, ".1.3.6.1.2.1.31.1.1.1"], cancellationToken);
        }

        double netSnmpMs = netSnmp.Elapsed.TotalMilliseconds;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using Process self = Process.GetCurrentProcess();
        long rssBefore = Settle(self);
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        MetricsExporter exporter = MetricsExporter.Start(Options(agents.Select(Target), timeout));
        (List<double> latencies, double cpuMs, int lines) = await ScrapeAsync(http, exporter, scrapes, self, cancellationToken);
        long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        long rssAfter = Settle(self);
        await exporter.StopAsync(cancellationToken);

        double seqMedian = Median(sequential);
        double scrapeMedian = Median(latencies);
        Console.WriteLine();
        Console.WriteLine($"{"what",-52} {"ms",10}");
        Console.WriteLine($"{"sequential, NetOpsPS SNMP engine (median of 3 rounds)",-52} {seqMedian,10:0.0}");
        Console.WriteLine($"{"sequential, net-snmp snmpget + 2 snmpbulkwalk",-52} {netSnmpMs,10:0.0}");
        Console.WriteLine($"{"exporter scrape, p50",-52} {scrapeMedian,10:0.0}");
        Console.WriteLine($"{"exporter scrape, p95",-52} {Percentile(latencies, 0.95),10:0.0}");
        Console.WriteLine($"{"exporter scrape, max",-52} {latencies.Max(),10:0.0}");
        Console.WriteLine($"ratio sequential (engine) / scrape p50: {seqMedian / scrapeMedian:0.0}x; sequential (net-snmp) / scrape p50: {netSnmpMs / scrapeMedian:0.0}x");
        Console.WriteLine($"exposition: {lines} lines for {targets} targets");
        Console.WriteLine($"exporter memory: RSS +{(rssAfter - rssBefore) / (double)targets:0.0} KiB per target, managed heap +{(heapAfter - heapBefore) / 1024.0 / targets:0.0} KiB per target");
        Console.WriteLine($"exporter CPU: {cpuMs / (scrapes * (double)targets):0.000} ms per target poll ({cpuMs / scrapes:0.0} ms per scrape of {targets}, scraping client included)");

        // Dead targets: silent UDP sockets that never answer. A scrape should cost about one timeout, not one per dead target.
        var silent = Enumerable.Range(0, dead).Select(_ => SilentSocket()).ToArray();
        try
        {
            MetricsExporter mixed = MetricsExporter.Start(Options(
                agents.Select(Target).Concat(silent.Select(s => Target(new SnmpTarget("127.0.0.1", SnmpCredential.Community("public"), ((IPEndPoint)s.LocalEndPoint!).Port) { Timeout = TimeSpan.FromSeconds(1), Retries = 5 }))),
                timeout));
            (List<double> deadLatencies, _, _) = await ScrapeAsync(http, mixed, Math.Min(scrapes, 5), self, cancellationToken);
            Console.WriteLine($"with {dead} dead targets among {targets + dead}: scrape p50 {Median(deadLatencies):0.0} ms, max {deadLatencies.Max():0.0} ms (poll timeout {timeout * 1000:0} ms; {mixed.TargetsUp} up)");
            await mixed.StopAsync(cancellationToken);
        }
        finally
        {
            foreach (Socket socket in silent)
            {
                socket.Dispose();
            }
        }

        return 0;
    }

    private static async Task NetSnmpAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        (int exit, _, string error) = await SnmpAgents.RunAsync(file, arguments, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {exit}: {error}");
        }
    }

    private static async Task<(List<double> Latencies, double CpuMs, int Lines)> ScrapeAsync(HttpClient http, MetricsExporter exporter, int scrapes, Process self, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        _ = await http.GetStringAsync(exporter.Url, cancellationToken); // first scrape: clients, sockets, JIT
        self.Refresh();
        TimeSpan cpuStart = self.TotalProcessorTime;
        int lines = 0;
        for (int i = 0; i < scrapes; i++)
        {
            var clock = Stopwatch.StartNew();
            string text = await http.GetStringAsync(exporter.Url, cancellationToken);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            lines = text.Count(c => c == '\n');
        }

        self.Refresh();
        return (latencies, (self.TotalProcessorTime - cpuStart).TotalMilliseconds, lines);
    }

    private static MetricsExporterOptions Options(IEnumerable<MetricsTarget> targets, double timeout) => new()
    {
        Targets = targets.ToArray(),
        CacheDuration = TimeSpan.Zero,
        PollTimeout = TimeSpan.FromSeconds(timeout),
        MaxConcurrentPolls = 64,
        IncludeModuleMetrics = false,
    };

    private static MetricsTarget Target(SnmpTarget agent) => new(agent.ToString(), new SnmpInterfacePoller(agent));

    private static Socket SilentSocket()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private static long Settle(Process self)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        self.Refresh();
        return ProcFs.ResidentKiB(self.Id);
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double q)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    private static int Option(string[] args, string name, int fallback) => (int)Option(args, name, (double)fallback);

    private static double Option(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
