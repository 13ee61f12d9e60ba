using System;
using System.Runtime.InteropServices;

namespace NetOpsPS.Bench.Snmp;

/// <summary>
/// CPU time by getrusage(2): this process (RUSAGE_SELF) and its waited-for children (RUSAGE_CHILDREN), so a run of
/// snmpbulkwalk is charged its own CPU. On a loaded machine the wall clock mostly measures the queue for the CPU.
/// </summary>
internal static partial class CpuTime
{
    private const int RusageSelf = 0;
    private const int RusageChildren = -1;

    public static TimeSpan Self => Read(RusageSelf);

    public static TimeSpan Children => Read(RusageChildren);

    private static TimeSpan Read(int who)
    {
        // struct rusage on Linux x86-64/arm64: ru_utime and ru_stime (timeval: two longs each), then 14 longs.
        Span<long> usage = stackalloc long[18];
        if (GetRusage(who, ref MemoryMarshal.GetReference(usage)) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        long micros = (usage[0] * 1_000_000) + usage[1] + (usage[2] * 1_000_000) + usage[3];
        return TimeSpan.FromMicroseconds(micros);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, ref long usage);
}
