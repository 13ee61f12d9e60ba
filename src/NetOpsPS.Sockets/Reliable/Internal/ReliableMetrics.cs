using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>Instruments of reliable UDP transfers and listeners, on the engine's meter ("NetOpsPS.Sockets").</summary>
internal static class ReliableMetrics
{
    private static readonly Meter Meter = NetOpsPS.Sockets.Internal.SocketsMeter.Instance;

    public static readonly Counter<long> PacketsSent = Meter.CreateCounter<long>("netops.reliable_udp.packets.sent", "{packet}", "Data packets sent, by kind (new, fast_retransmit, timeout).");
    public static readonly Counter<long> Transfers = Meter.CreateCounter<long>("netops.reliable_udp.transfers", "{transfer}", "Transfers ended, by outcome.");
    public static readonly Histogram<double> Rtt = Meter.CreateHistogram<double>("netops.reliable_udp.rtt", "ms", "RTT samples (Karn's rule: first transmissions only).");
    public static readonly Counter<long> MessagesDelivered = Meter.CreateCounter<long>("netops.reliable_udp.messages.delivered", "{message}", "Messages a listener delivered in order.");
    public static readonly Counter<long> PacketsReceived = Meter.CreateCounter<long>("netops.reliable_udp.packets.received", "{packet}", "Packets a listener took, by outcome (new, duplicate, out_of_window, malformed, stale_epoch, rejected).");

    public static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);

    public static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);

    public static KeyValuePair<string, object?> Listener(string name) => new("listener", name);
}
