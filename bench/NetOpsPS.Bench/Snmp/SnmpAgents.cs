using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Bench.Snmp;

/// <summary>
/// snmpd agents on 127.0.0.1, one port each, from tests/peers/snmp/start-snmpd.sh (which prints "PORT PID" once the
/// agent answers), each in its own folder, stopped by PID with tests/peers/lib/stop-pid.sh.
/// </summary>
internal sealed class SnmpAgents : IAsyncDisposable
{
    private readonly string _peers;
    private readonly List<(int Port, int Pid, string Dir)> _agents = [];

    public SnmpAgents(string peers) => _peers = Path.GetFullPath(peers);

    public IReadOnlyList<int> Ports => _agents.Select(a => a.Port).ToArray();

    public IReadOnlyList<int> Pids => _agents.Select(a => a.Pid).ToArray();

    /// <summary>Starts <paramref name="count"/> agents, a few at a time (each start polls snmpget until ready).</summary>
    public async Task StartAsync(int count, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(8);
        var starts = Enumerable.Range(0, count).Select(async _ =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                string dir = Directory.CreateTempSubdirectory("netops-bench-snmpd-").FullName;
                (int exit, string output, string error) = await RunAsync(Path.Combine(_peers, "snmp", "start-snmpd.sh"), [dir], cancellationToken);
                string[] fields = output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (exit != 0 || fields.Length != 2)
                {
                    throw new InvalidOperationException($"snmpd did not start (exit {exit}): {error}");
                }

                lock (_agents)
                {
                    _agents.Add((int.Parse(fields[0], CultureInfo.InvariantCulture), int.Parse(fields[1], CultureInfo.InvariantCulture), dir));
                }
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        await Task.WhenAll(starts);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_agents.Select(async agent =>
        {
            await RunAsync(Path.Combine(_peers, "lib", "stop-pid.sh"), [agent.Pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
            Directory.Delete(agent.Dir, recursive: true);
        }));
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
