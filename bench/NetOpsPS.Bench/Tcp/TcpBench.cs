using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Load;

namespace NetOpsPS.Bench.Tcp;

/// <summary>
/// The TCP echo benchmark of issue 3, in one run on 127.0.0.1: NetOpsPS's TcpEchoServer (in a
/// child process), the Go server of bench/tcp/go-echo and socat EXEC:cat, each loaded by the same
/// engine (TcpLoadDriver) in the same way, one after the other, scenario by scenario.
/// </summary>
internal static class TcpBench
{
    private static readonly TcpScenario[] s_scenarios =
    [
        new("ping-pong", TcpLoadMode.PingPong, 1),
        new("ping-pong", TcpLoadMode.PingPong, 64),
        new("ping-pong", TcpLoadMode.PingPong, 1_000),
        new("pipelined", TcpLoadMode.Pipelined, 1),
        new("pipelined", TcpLoadMode.Pipelined, 64),
    ];

    public static async Task<int> RunAsync(TcpBenchOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.GoEcho))
        {
            throw new ArgumentException($"tcp: the Go server {options.GoEcho} is not built (bench/tcp/run.sh builds it).");
        }

        ulong openFiles = ResourceLimits.RaiseOpenFiles(65_536);
        var report = new TcpBenchReport(options, Machine(openFiles));
        Console.WriteLine(report.Header);

        await using PeerProcess netops = await StartNetOpsAsync(options, cancellationToken);
        await using PeerProcess go = await PeerProcess.StartAnnouncedAsync(
            TcpBenchReport.Go, "Echo: ", options.GoEcho, ["-address", "127.0.0.1", "-port", "0"], cancellationToken);
        // socat's own accept queue is 5 deep: at 1,000 connections the handshakes it dropped completed
        // only after SYN-ACK retransmits, seconds later, and counted as timeouts. Go listens with the
        // kernel's somaxconn (4096); socat gets the same.
        IPEndPoint socatEndPoint = PeerProcess.FreeLoopbackEndPoint();
        await using PeerProcess socat = await PeerProcess.StartOnPortAsync(
            TcpBenchReport.Socat, "", options.Socat, [$"TCP-LISTEN:{socatEndPoint.Port},bind=127.0.0.1,reuseaddr,fork,backlog=4096", "EXEC:cat"], socatEndPoint, cancellationToken);
        foreach (PeerProcess peer in new[] { netops, go, socat })
        {
            Console.WriteLine($"  {peer.Name,-8} pid {peer.Pid,-7} {peer.EndPoint,-21} {peer.CommandLine}");
        }

        Console.WriteLine();
        PeerProcess[] peers = [netops, go, socat];
        foreach (PeerProcess peer in new[] { netops, go })
        {
            await QuiesceAsync(peers, cancellationToken);
            IdleMemory idle = await MeasureIdleAsync(peer, options, cancellationToken);
            report.AddIdle(peer.Name, idle);
            Console.WriteLine(report.Describe(peer.Name, idle));
        }

        for (int round = 1; round <= options.Rounds; round++)
        {
            Console.WriteLine($"round {round} of {options.Rounds}");
            await LoadRoundAsync(peers, report, options, cancellationToken);
        }

        Console.WriteLine();
        report.WriteTable(Console.Out);
        Console.WriteLine($"load average at the end: {ProcFs.LoadAverage()}");
        return 0;
    }

    /// <summary>Every scenario, each server in turn, so that a round meets the three under the same host conditions.</summary>
    private static async Task LoadRoundAsync(PeerProcess[] peers, TcpBenchReport report, TcpBenchOptions options, CancellationToken cancellationToken)
    {
        foreach (TcpScenario scenario in s_scenarios)
        {
            foreach (PeerProcess peer in peers)
            {
                // Garbage of the previous run must not be collected during this one, nor its closes be handled.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await QuiesceAsync(peers, cancellationToken);
                LoadRun run = await LoadAsync(peer, scenario, options, cancellationToken);
                report.AddRun(scenario, peer.Name, run);
                Console.WriteLine(report.Describe(scenario, peer.Name, run));
            }
        }
    }

    private static Task<PeerProcess> StartNetOpsAsync(TcpBenchOptions options, CancellationToken cancellationToken)
    {
        // This very program in its serve-echo mode: through the apphost, or through `dotnet <dll>`.
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        List<string> arguments = [];
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            arguments.Add(Assembly.GetExecutingAssembly().Location);
        }

        arguments.AddRange(["serve-echo", "--port", "0"]);
        return PeerProcess.StartAnnouncedAsync(TcpBenchReport.NetOps, "Echo: ", self, arguments, cancellationToken, options.NetOpsEnvironment);
    }

    private static async Task<IdleMemory> MeasureIdleAsync(PeerProcess peer, TcpBenchOptions options, CancellationToken cancellationToken)
    {
        // A short exchange first, so code paths are compiled and warm before the baseline is read.
        await TcpLoadDriver.RunAsync(Options(peer, new TcpScenario("warm", TcpLoadMode.PingPong, 8), options, TimeSpan.FromMilliseconds(500)), null, cancellationToken);
        long before = await SettledResidentKiBAsync(peer, cancellationToken);
        using IdleConnections idle = await IdleConnections.OpenAsync(peer.EndPoint, options.IdleConnections, peer.ReplyPrefix, cancellationToken);
        long after = await SettledResidentKiBAsync(peer, cancellationToken);
        return new IdleMemory(idle.Count, before, after);
    }

    /// <summary>
    /// Waits (at most 10 s) until the servers are quiet: back to one process each (socat's forks
    /// of the previous run have exited) and less than 5 % of a core over a quarter of a second, so a
    /// run is neither slowed nor charged by the previous one's closes.
    /// </summary>
    private static async Task QuiesceAsync(PeerProcess[] peers, CancellationToken cancellationToken)
    {
        double last = peers.Sum(p => p.Usage().CpuSeconds);
        for (int attempt = 0; attempt < 40; attempt++)
        {
            await Task.Delay(250, cancellationToken);
            (double CpuSeconds, int Processes)[] now = peers.Select(p => p.Usage()).ToArray();
            double used = now.Sum(u => u.CpuSeconds);
            if (used - last < 0.0125 && now.All(u => u.Processes == 1))
            {
                return;
            }

            last = used;
        }
    }

    /// <summary>RSS once two reads half a second apart agree within 1 % (at most 5 s of waiting).</summary>
    private static async Task<long> SettledResidentKiBAsync(PeerProcess peer, CancellationToken cancellationToken)
    {
        long last = peer.ResidentKiB();
        for (int attempt = 0; attempt < 10; attempt++)
        {
            await Task.Delay(500, cancellationToken);
            long now = peer.ResidentKiB();
            if (Math.Abs(now - last) <= last / 100)
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    private static async Task<LoadRun> LoadAsync(PeerProcess peer, TcpScenario scenario, TcpBenchOptions options, CancellationToken cancellationToken)
    {
        var window = new CpuWindow(peer);
        TcpLoadResult result = await TcpLoadDriver.RunAsync(Options(peer, scenario, options, options.Duration), window, cancellationToken);
        (double server, double driver, double other) = window.Cores();
        return new LoadRun(result, server, driver, other);
    }

    private static TcpLoadOptions Options(PeerProcess peer, TcpScenario scenario, TcpBenchOptions options, TimeSpan duration) => new()
    {
        EndPoint = peer.EndPoint,
        ReplyPrefix = peer.ReplyPrefix,
        Mode = scenario.Mode,
        Connections = scenario.Connections,
        PipelineDepth = options.PipelineDepth,
        PayloadSize = options.PayloadSize,
        WarmUp = options.WarmUp,
        Duration = duration,
        ConnectTimeout = TimeSpan.FromSeconds(20),
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    private static string Machine(ulong openFiles) => string.Create(
        CultureInfo.InvariantCulture,
        $"nproc {Environment.ProcessorCount}, load {ProcFs.LoadAverage()}, {ProcFs.CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, RLIMIT_NOFILE {openFiles}");
}

/// <summary>
/// CPU readings at the edges of the measured time, taken when the driver reports the phase changes
/// (at once, on its controller thread): the connections, socat's forks among them, are all open.
/// </summary>
internal sealed class CpuWindow(PeerProcess peer) : IProgress<TcpLoadProgress>
{
    private (long Timestamp, double Server, double Driver, double Machine)? _start;
    private (long Timestamp, double Server, double Driver, double Machine)? _end;

    public void Report(TcpLoadProgress value)
    {
        if (value.Phase == TcpLoadPhase.Measuring && _start is null)
        {
            _start = Read();
        }
        else if (value.Phase is TcpLoadPhase.Draining or TcpLoadPhase.Completed && _start is not null && _end is null)
        {
            _end = Read();
        }
    }

    /// <summary>Cores used by the server, the driver and everything else over the measured time.</summary>
    public (double Server, double Driver, double Other) Cores()
    {
        if (_start is not { } start || _end is not { } end)
        {
            return (0, 0, 0);
        }

        double seconds = Math.Max(1e-6, Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds);
        double server = (end.Server - start.Server) / seconds;
        double driver = (end.Driver - start.Driver) / seconds;
        return (server, driver, Math.Max(0, ((end.Machine - start.Machine) / seconds) - server - driver));
    }

    private (long, double, double, double) Read()
    {
        using Process self = Process.GetCurrentProcess();
        return (Stopwatch.GetTimestamp(), peer.Usage().CpuSeconds, self.TotalProcessorTime.TotalSeconds, ProcFs.BusyCpuSeconds());
    }
}

/// <summary>One load scenario: a mode and a number of connections.</summary>
internal sealed record TcpScenario(string Name, TcpLoadMode Mode, int Connections)
{
    public string Label => Connections == 1 ? $"{Name}, 1 conn" : string.Create(CultureInfo.InvariantCulture, $"{Name}, {Connections:N0} conns");
}

/// <summary>A load run and the CPU (in cores) the server, the driver and everything else on the machine used meanwhile.</summary>
internal sealed record LoadRun(TcpLoadResult Result, double ServerCores, double DriverCores, double OtherCores);

/// <summary>Resident memory of a server before and with its idle connections.</summary>
internal sealed record IdleMemory(int Connections, long BeforeKiB, long AfterKiB)
{
    public double KiBPerConnection => (double)(AfterKiB - BeforeKiB) / Connections;
}
