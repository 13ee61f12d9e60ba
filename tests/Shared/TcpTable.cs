using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetOpsPS.Tests.Shared;

/// <summary>Reads the kernel's IPv4 TCP socket table (/proc/net/tcp) to see what sockets really exist.</summary>
public static class TcpTable
{
    /// <summary>TCP states as /proc/net/tcp numbers them (include/net/tcp_states.h).</summary>
    public const int SynSent = 2;

    /// <summary>
    /// How many sockets of this process in <paramref name="state"/> go to remote port <paramref name="remotePort"/>.
    /// Only this process's: test assemblies run side by side, and another one's socket still sending SYNs to a port
    /// its listener has closed meets this test's listener when that port number comes round again.
    /// </summary>
    public static int Count(int state, int remotePort)
    {
        var own = OwnSocketInodes();
        return File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => int.Parse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == state
                        && int.Parse(f[2].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == remotePort
                        && own.Contains(f[9]));
    }

    // The inodes of this process's sockets: their links read "socket:[inode]".
    private static HashSet<string> OwnSocketInodes() =>
        OwnDescriptors.All()
            .Where(d => d.Target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(d => d.Target["socket:[".Length..^1])
            .ToHashSet(StringComparer.Ordinal);
}
