using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace NetOpsPS.Bench.Tcp;

/// <summary>What the benchmark reads from /proc: resident memory, CPU time of a process tree, the machine.</summary>
internal static partial class ProcFs
{
    private const int ScClockTicks = 2;

    private static readonly double s_clockTicks = Math.Max(1, SysConf(ScClockTicks));

    /// <summary>VmRSS from /proc/&lt;pid&gt;/status, in KiB.</summary>
    public static long ResidentKiB(int pid)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS.");
    }

    /// <summary>
    /// User and system time of <paramref name="root"/> and its descendants, with the time of the
    /// children they have reaped, and how many processes the tree holds (socat: one per connection).
    /// </summary>
    public static (double CpuSeconds, int Processes) TreeUsage(int root)
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            try
            {
                (parents[pid], ticks[pid]) = ReadStat(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while the directory was read.
                continue;
            }
        }

        long total = 0;
        int processes = 0;
        foreach ((int pid, long used) in ticks)
        {
            for (int at = pid, hops = 0; at > 1 && hops < 64; hops++)
            {
                if (at == root)
                {
                    total += used;
                    processes++;
                    break;
                }

                if (!parents.TryGetValue(at, out at))
                {
                    break;
                }
            }
        }

        return (total / s_clockTicks, processes);
    }

    /// <summary>User and system time of one process, with the time of the children it has reaped.</summary>
    public static double CpuSeconds(int pid) => ReadStat(pid).Ticks / s_clockTicks;

    /// <summary>CPU seconds every processor has spent busy (not idle, not waiting on I/O) since boot, from /proc/stat.</summary>
    public static double BusyCpuSeconds()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        string[] fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long busy = 0;
        foreach (int field in new[] { 1, 2, 3, 6, 7, 8 })
        {
            busy += long.Parse(fields[field], CultureInfo.InvariantCulture);
        }

        return busy / s_clockTicks;
    }

    /// <summary>The three load averages of /proc/loadavg.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    /// <summary>The CPU model of /proc/cpuinfo.</summary>
    public static string CpuModel()
    {
        foreach (string line in File.ReadLines("/proc/cpuinfo"))
        {
            if (line.StartsWith("model name", StringComparison.Ordinal))
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return "unknown CPU";
    }

    private static (int Parent, long Ticks) ReadStat(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15) cutime(16) cstime(17).
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
            + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks);
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
