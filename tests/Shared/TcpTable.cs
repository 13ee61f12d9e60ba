using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace NetOpsPS.Tests.Shared;

/// <summary>Reads the kernel's IPv4 TCP socket table (/proc/net/tcp) to see what sockets really exist.</summary>
public static class TcpTable
{
    /// <summary>TCP states as /proc/net/tcp numbers them (include/net/tcp_states.h).</summary>
    public const int SynSent = 2;

    /// <summary>How many sockets in <paramref name="state"/> go to remote port <paramref name="remotePort"/>.</summary>
    public static int Count(int state, int remotePort) =>
        File.ReadAllLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(f => int.Parse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == state
                        && int.Parse(f[2].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == remotePort);
}
