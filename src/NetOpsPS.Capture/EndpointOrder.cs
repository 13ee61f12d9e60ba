using System;
using System.Net;

namespace NetOpsPS.Capture;

/// <summary>
/// The order that puts both directions of a conversation under one key (the lower endpoint first), shared by
/// the TLS tracker and the conversation statistics. Addresses are compared by their bytes, written to the stack:
/// this runs once per packet, and GetAddressBytes would allocate two arrays each time.
/// </summary>
internal static class EndpointOrder
{
    /// <summary>Negative when (a, aPort) sorts before (b, bPort), zero when equal, positive otherwise.</summary>
    public static int Compare(IPAddress a, int aPort, IPAddress b, int bPort)
    {
        Span<byte> x = stackalloc byte[16];
        Span<byte> y = stackalloc byte[16];
        a.TryWriteBytes(x, out int xLength);
        b.TryWriteBytes(y, out int yLength);
        int byAddress = x.Slice(0, xLength).SequenceCompareTo(y.Slice(0, yLength));
        return byAddress != 0 ? byAddress : aPort.CompareTo(bPort);
    }
}
