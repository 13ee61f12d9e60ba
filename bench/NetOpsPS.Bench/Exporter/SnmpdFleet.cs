using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Bench.Exporter;

/// <summary>
/// Many real snmpd agents on 127.0.0.1, one port each, started with tests/peers/snmp/start-snmpd.sh (which prints
/// "PORT PID" once the agent answers) and stopped with tests/peers/lib/stop-pid.sh.
/// </summary>
internal sealed class SnmpdFleet : IAsyncDisposable
{
    private readonly string _peers;
    private readonly string _root;
    private readonly List<(int Port, int Pid)> _agents = new();

    private SnmpdFleet(string peers, string root)
    {
        _peers = peers;
        _root = root;
    }

    public IReadOnlyList<int> Ports => _agents.Select(a => a.Port).ToArray();

    public IReadOnlyList<int> Pids => _agents.Select(a => a.Pid).ToArray();

    public static async Task<SnmpdFleet> StartAsync(string repo, int count, CancellationToken cancellationToken)
    {
        var fleet = new SnmpdFleet(Path.Combine(repo, "tests", "peers"), Directory.CreateTempSubdirectory("netops-bench-snmpd-").FullName);
        try
        {
            // A few at once: each start polls snmpget until its agent answers.
            using var slots = new SemaphoreSlim(6);
            await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    string dir = Path.Combine(fleet._root, i.ToString(CultureInfo.InvariantCulture));
                    string output = await RunAsync(Path.Combine(fleet._peers, "snmp", "start-snmpd.sh"), [dir], cancellationToken);
                    string[] fields = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    lock (fleet._agents)
                    {
                        fleet._agents.Add((int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture)));
                    }
                }
                finally
                {
                    slots.Release();
                }
            }));
            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_agents.Select(a => RunAsync(Path.Combine(_peers, "lib", "stop-pid.sh"), [a.Pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None)));
        Directory.Delete(_root, recursive: true);
    }

    public static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
    }
}
