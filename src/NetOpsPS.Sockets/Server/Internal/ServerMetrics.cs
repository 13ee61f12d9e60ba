using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>
/// System.Diagnostics.Metrics instruments of every server (OpenTelemetry and dotnet-counters read them by
/// the meter name). Tagged with the server's name; byte and frame counts also with the direction.
/// </summary>
internal static class ServerMetrics
{
    private static readonly Meter Meter = NetOpsPS.Sockets.Internal.SocketsMeter.Instance;

    public static readonly Counter<long> Accepted = Meter.CreateCounter<long>("netops.tcp.server.connections.accepted", "{connection}", "Connections accepted.");
    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("netops.tcp.server.connections.rejected", "{connection}", "Connections refused because the server was full.");
    public static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>("netops.tcp.server.connections.active", "{connection}", "Connections open now.");
    public static readonly Counter<long> Closed = Meter.CreateCounter<long>("netops.tcp.server.connections.closed", "{connection}", "Connections closed, by reason.");
    public static readonly Counter<long> Bytes = Meter.CreateCounter<long>("netops.tcp.server.bytes", "By", "Bytes, by direction.");
    public static readonly Counter<long> Frames = Meter.CreateCounter<long>("netops.tcp.server.frames", "{frame}", "Frames, by direction.");
    public static readonly Histogram<double> HeartbeatRtt = Meter.CreateHistogram<double>("netops.tcp.server.heartbeat.rtt", "ms", "Round trip of answered heartbeats.");

    public static KeyValuePair<string, object?> Server(string name) => new("server", name);

    public static KeyValuePair<string, object?> Direction(bool received) => new("direction", received ? "received" : "sent");

    public static KeyValuePair<string, object?> Reason(string reason) => new("reason", reason);
}
