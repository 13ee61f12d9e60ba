using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetOpsPS.Sockets.Load;

namespace NetOpsPS.Bench.Tcp;

/// <summary>
/// The figures of one benchmark run, and the table that puts NetOpsPS beside Go and socat with the
/// goals of issue 3. Each figure is the median of its rounds, and each ratio the median of the rounds'
/// ratios (a round loads the three servers one after the other, so a change of the shared host's speed
/// hits both sides of a ratio). A goal is judged on those medians; a run with errors cannot pass.
/// </summary>
internal sealed class TcpBenchReport
{
    public const string NetOps = "NetOpsPS";
    public const string Go = "Go";
    public const string Socat = "socat";

    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private readonly TcpBenchOptions _options;
    private readonly Dictionary<(TcpScenario, string), List<LoadRun>> _runs = new();
    private readonly Dictionary<string, IdleMemory> _idle = new();

    public TcpBenchReport(TcpBenchOptions options, string machine)
    {
        _options = options;
        Header = string.Create(s_invariant,
            $"""
            TCP echo benchmark (issue 3), 127.0.0.1
            machine: {machine}
            runs: {options.Rounds} rounds, each server in turn per scenario; {options.WarmUp.TotalSeconds:0.##} s warm-up + {options.Duration.TotalSeconds:0.##} s measured each, payload {options.PayloadSize} B + LF, pipelined depth {options.PipelineDepth}, {options.IdleConnections:N0} idle connections
            driver: NetOpsPS.Sockets.Load.TcpLoadDriver in this process, every reply verified byte for byte; {PeerProcess.DriverInlineCompletions}={Environment.GetEnvironmentVariable(PeerProcess.DriverInlineCompletions) ?? "(unset)"} (the servers' own environment does not inherit it)
            """);
    }

    public string Header { get; }

    public void AddRun(TcpScenario scenario, string server, LoadRun run)
    {
        if (!_runs.TryGetValue((scenario, server), out List<LoadRun>? runs))
        {
            _runs[(scenario, server)] = runs = [];
        }

        runs.Add(run);
    }

    public void AddIdle(string server, IdleMemory idle) => _idle[server] = idle;

    public string Describe(TcpScenario scenario, string server, LoadRun run)
    {
        TcpLoadResult r = run.Result;
        string errors = r.TotalErrors == 0 ? "no errors" : $"{r.TotalErrors} ERRORS: {string.Join("; ", r.ErrorMessages)}";
        return string.Create(s_invariant,
            $"  {scenario.Label,-24} {server,-8} {r.RequestsPerSecond,10:N0} req/s {r.MegabytesPerSecond,8:N1} MB/s  p50 {Us(r.LatencyP50),7} p90 {Us(r.LatencyP90),7} p99 {Us(r.LatencyP99),7} p99.9 {Us(r.LatencyP999),7} max {Us(r.LatencyMax),7} µs  cores: server {run.ServerCores:0.00} driver {run.DriverCores:0.00} other {run.OtherCores:0.00}, server CPU {ServerMicrosecondsPerRequest(run):0.00} µs/req  {r.ConnectionsOpened}/{r.Connections} conns, {errors}");
    }

    public string Describe(string server, IdleMemory idle) => string.Create(s_invariant,
        $"  {"idle memory",-24} {server,-8} RSS {idle.BeforeKiB:N0} KiB -> {idle.AfterKiB:N0} KiB with {idle.Connections:N0} connections: {idle.KiBPerConnection:0.0} KiB per connection");

    public void WriteTable(TextWriter output)
    {
        var rows = new List<string[]>
        {
            new[] { "figure", NetOps, Go, Socat, "NetOpsPS/Go", "NetOpsPS/socat", "goal (issue 3)", "verdict" },
        };
        foreach (TcpScenario scenario in _runs.Keys.Select(k => k.Item1).Distinct())
        {
            if (scenario.Mode == TcpLoadMode.PingPong)
            {
                rows.Add(Row($"{scenario.Label}: req/s", scenario, r => r.RequestsPerSecond, "N0", higherIsBetter: true));
                rows.Add(Row($"{scenario.Label}: p99 µs", scenario, r => r.LatencyP99.TotalMicroseconds, "N0", higherIsBetter: false));
            }
            else
            {
                rows.Add(Row($"{scenario.Label}: MB/s", scenario, r => r.MegabytesPerSecond, "N1", higherIsBetter: true));
            }
        }

        rows.Add(IdleRow());
        int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c is 0 or 6 or 7 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }

        output.WriteLine();
        output.WriteLine(string.Create(s_invariant, $"Figures are medians of {_options.Rounds} rounds; a ratio is the median of the rounds' ratios (NetOpsPS's figure over the other's of the same round)."));
        output.WriteLine("Above 1 is more req/s or MB/s, below 1 is a lower p99 or less memory.");
        output.WriteLine("MB/s counts both directions (requests sent + verified replies); socat's replies carry no \"Echo: \" prefix.");
        output.WriteLine("A figure marked ! comes from a run with errors (above); such a run cannot pass a goal.");
        output.WriteLine(string.Create(s_invariant,
            $"CPU not charged to the server or the driver (other processes, interrupt work): {AllRuns.Average(r => r.OtherCores):0.00} cores on average over the runs, {AllRuns.Max(r => r.OtherCores):0.00} at most, of {Environment.ProcessorCount}."));
    }

    private string[] Row(string label, TcpScenario scenario, Func<TcpLoadResult, double> figure, string format, bool higherIsBetter)
    {
        List<LoadRun>? netops = Runs(scenario, NetOps);
        List<LoadRun>? go = Runs(scenario, Go);
        List<LoadRun>? socat = Runs(scenario, Socat);
        double? versusGo = Ratio(netops, go, figure);
        double? versusSocat = Ratio(netops, socat, figure);
        var goals = new List<(string Goal, bool Met)>();
        bool clean = netops is not null && netops.All(r => r.Result.TotalErrors == 0);
        bool pingPong = scenario.Mode == TcpLoadMode.PingPong;
        if (pingPong && scenario.Connections is 64 or 1_000 && versusGo is double pp)
        {
            goals.Add(higherIsBetter
                ? ($">= {(scenario.Connections == 64 ? "1.2" : "1.3")}x Go", pp >= (scenario.Connections == 64 ? 1.2 : 1.3))
                : ("<= 0.7x Go", pp <= 0.7));
        }

        if (!pingPong && versusGo is double pg && versusSocat is double ps)
        {
            goals.Add((">= 8x Go", pg >= 8));
            goals.Add((">= socat", ps >= 1));
        }

        return
        [
            label,
            Cell(netops, figure, format),
            Cell(go, figure, format),
            Cell(socat, figure, format),
            RatioCell(versusGo),
            RatioCell(versusSocat),
            goals.Count == 0 ? "-" : string.Join(", ", goals.Select(g => g.Goal)),
            goals.Count == 0 ? "-" : string.Join(", ", goals.Select(g => g.Met && clean ? "PASS" : "MISS")),
        ];
    }

    private string[] IdleRow()
    {
        IdleMemory? netops = _idle.GetValueOrDefault(NetOps);
        IdleMemory? go = _idle.GetValueOrDefault(Go);
        double? ratio = netops is not null && go is not null && go.KiBPerConnection > 0 ? netops.KiBPerConnection / go.KiBPerConnection : null;
        return
        [
            string.Create(s_invariant, $"idle, {_options.IdleConnections:N0} conns: KiB/conn"),
            netops is null ? "-" : netops.KiBPerConnection.ToString("N1", s_invariant),
            go is null ? "-" : go.KiBPerConnection.ToString("N1", s_invariant),
            "n/a",
            RatioCell(ratio),
            "-",
            "<= 8 KiB",
            netops is null ? "-" : netops.KiBPerConnection <= 8 ? "PASS" : "MISS",
        ];
    }

    private IEnumerable<LoadRun> AllRuns => _runs.Values.SelectMany(r => r);

    private List<LoadRun>? Runs(TcpScenario scenario, string server) => _runs.GetValueOrDefault((scenario, server));

    /// <summary>The median over the rounds of NetOpsPS's figure over the other's in the same round.</summary>
    private static double? Ratio(List<LoadRun>? netops, List<LoadRun>? other, Func<TcpLoadResult, double> figure)
    {
        if (netops is null || other is null)
        {
            return null;
        }

        double[] ratios = netops.Zip(other)
            .Where(pair => figure(pair.Second.Result) > 0)
            .Select(pair => figure(pair.First.Result) / figure(pair.Second.Result))
            .ToArray();
        return ratios.Length == 0 ? null : Median(ratios);
    }

    private static string Cell(List<LoadRun>? runs, Func<TcpLoadResult, double> figure, string format) =>
        runs is null ? "-" : Median(runs.Select(r => figure(r.Result)).ToArray()).ToString(format, s_invariant) + (runs.Any(r => r.Result.TotalErrors > 0) ? "!" : "");

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static string RatioCell(double? ratio) => ratio is double r ? r.ToString("0.00", s_invariant) + "x" : "-";

    // Server CPU per request: the figure that stays comparable when the server and the driver share too few cores.
    private static double ServerMicrosecondsPerRequest(LoadRun run) =>
        run.Result.RequestsPerSecond > 0 ? run.ServerCores / run.Result.RequestsPerSecond * 1e6 : 0;

    private static string Us(TimeSpan latency) => latency.TotalMicroseconds.ToString("N0", s_invariant);
}
