using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NetOpsPS.Sockets.Udp.Internal;

/// <summary>
/// System.Diagnostics.Metrics instruments of the UDP sockets, servers and relays, on the engine's one
/// meter ("NetOpsPS.Sockets"). Tagged with the owner (a server's name, or "channel") and the direction.
/// </summary>
internal static class UdpMetrics
{
    private static readonly Meter Meter = NetOpsPS.Sockets.Internal.SocketsMeter.Instance;

    public static readonly Counter<long> Datagrams = Meter.CreateCounter<long>("netops.udp.datagrams", "{datagram}", "UDP datagrams, by owner and direction.");
    public static readonly Counter<long> Bytes = Meter.CreateCounter<long>("netops.udp.bytes", "By", "UDP payload bytes, by owner and direction.");
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("netops.udp.datagrams.dropped", "{datagram}", "Datagrams a server could not handle, by owner and reason.");
    public static readonly Counter<long> Relayed = Meter.CreateCounter<long>("netops.udp.relay.datagrams", "{datagram}", "Impairment relay decisions, by relay and action.");

    public static void Datagram(int bytes, bool received, string owner)
    {
        var tags = new TagList { Owner(owner), Direction(received) };
        Datagrams.Add(1, tags);
        Bytes.Add(bytes, tags);
    }

    public static KeyValuePair<string, object?> Owner(string name) => new("owner", name);

    public static KeyValuePair<string, object?> Direction(bool received) => new("direction", received ? "received" : "sent");
}
