using System.Runtime.InteropServices;

namespace NetOpsPS.Bench.Tcp;

/// <summary>
/// RLIMIT_NOFILE: 10,000 idle connections need as many descriptors in this process and in the
/// server; the servers are started after the raise and inherit it.
/// </summary>
internal static partial class ResourceLimits
{
    private const int ResourceOpenFiles = 7; // RLIMIT_NOFILE on Linux

    /// <summary>Raises the soft limit (and the hard one, which root may) to at least <paramref name="wanted"/>; returns the soft limit now in force.</summary>
    public static ulong RaiseOpenFiles(ulong wanted)
    {
        if (GetLimit(ResourceOpenFiles, out Limit limit) != 0)
        {
            return 0;
        }

        if (limit.Soft >= wanted)
        {
            return limit.Soft;
        }

        var raised = new Limit { Soft = wanted, Hard = limit.Hard >= wanted ? limit.Hard : wanted };
        if (SetLimit(ResourceOpenFiles, in raised) != 0)
        {
            // Not root: go as far as the hard limit allows.
            raised = new Limit { Soft = limit.Hard, Hard = limit.Hard };
            _ = SetLimit(ResourceOpenFiles, in raised);
        }

        return GetLimit(ResourceOpenFiles, out limit) == 0 ? limit.Soft : 0;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetLimit(int resource, out Limit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetLimit(int resource, in Limit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Soft;
        public ulong Hard;
    }
}
