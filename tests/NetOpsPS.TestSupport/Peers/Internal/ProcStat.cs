using System.Globalization;
using System.IO;

namespace NetOpsPS.TestSupport.Peers.Internal;

/// <summary>Reads a process's state and start time from /proc/&lt;pid&gt;/stat.</summary>
internal static class ProcStat
{
    /// <summary>
    /// A zombie counts as stopped: where PID 1 does not reap orphans (containers without an init), a daemon
    /// whose start script has exited stays a zombie after it stops, and its /proc entry never goes away.
    /// </summary>
    public static bool IsRunning(int pid) => TryRead(pid, out var state, out _) && state is not ('Z' or 'X');

    /// <summary>The start time (clock ticks since boot) tells a reused PID from the process that was registered.</summary>
    public static bool TryRead(int pid, out char state, out long startTicks)
    {
        state = '?';
        startTicks = 0;
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return false;
        }
        catch (System.UnauthorizedAccessException)
        {
            return false;
        }

        // The command name (field 2) may hold spaces and ')', so the fixed fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        state = fields[0][0];
        startTicks = long.Parse(fields[19], CultureInfo.InvariantCulture);
        return true;
    }
}
