using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace NetOpsPS.TestSupport.Peers.Internal;

/// <summary>
/// Every peer PID this test process started. Dispose stops them with lib/stop-pid.sh; whatever is still
/// registered when the process exits (a test that threw before disposing, or forgot to) is killed then.
/// </summary>
internal static class PeerProcesses
{
    // stop-pid.sh sends SIGKILL after 5 s; this bounds the wait for the script itself.
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private static readonly ConcurrentDictionary<int, long> Registered = new();
    private static int hooked;

    public static void Register(int pid)
    {
        if (Interlocked.Exchange(ref hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => KillRegistered();
        }

        if (ProcStat.TryRead(pid, out _, out var startTicks))
        {
            Registered[pid] = startTicks;
        }
    }

    /// <summary>Stops the PIDs side by side (each takes about 1 s to exit) and forgets those that are gone.</summary>
    public static void Stop(IReadOnlyList<int> pids)
    {
        var stopScript = Path.Combine(RepoPaths.PeersDirectory, "lib", "stop-pid.sh");
        var stoppers = new List<Process>();
        foreach (var pid in pids)
        {
            var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
            startInfo.ArgumentList.Add(stopScript);
            startInfo.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
            startInfo.ArgumentList.Add("5");
            if (Process.Start(startInfo) is { } stopper)
            {
                stoppers.Add(stopper);
            }
        }

        foreach (var stopper in stoppers)
        {
            if (!stopper.WaitForExit(StopTimeout))
            {
                stopper.Kill();
            }

            stopper.Dispose();
        }

        foreach (var pid in pids)
        {
            if (!ProcStat.IsRunning(pid))
            {
                Registered.TryRemove(pid, out _);
            }
        }
    }

    private static void KillRegistered()
    {
        foreach (var (pid, startTicks) in Registered)
        {
            // Only the very process that was registered: after it exits, its PID may belong to another process.
            if (ProcStat.TryRead(pid, out _, out var now) && now == startTicks)
            {
                Kill(pid);
            }
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }
        catch (InvalidOperationException)
        {
            // exited meanwhile
        }
        catch (Win32Exception)
        {
            // not ours to kill after all
        }
    }
}
