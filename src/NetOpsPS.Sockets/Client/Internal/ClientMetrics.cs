using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>
/// System.Diagnostics.Metrics instruments of every client session and pool, on the engine's one meter name
/// (OpenTelemetry and dotnet-counters subscribe by it). Tagged with the session's or pool's name.
/// </summary>
internal static class ClientMetrics
{
    private static readonly Meter Meter = NetOpsPS.Sockets.Internal.SocketsMeter.Instance;

    // The breaker gauge is observed, not pushed: it reads the live sessions when a listener collects.
    private static readonly ConcurrentDictionary<TcpClientSession, byte> LiveSessions = new();

    public static readonly Counter<long> ConnectAttempts = Meter.CreateCounter<long>("netops.tcp.client.connect.attempts", "{attempt}", "Connect attempts, retries included.");
    public static readonly Counter<long> Connects = Meter.CreateCounter<long>("netops.tcp.client.connects", "{connection}", "Connections made.");
    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("netops.tcp.client.reconnects", "{connection}", "Connections made again after a drop.");
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("netops.tcp.client.errors", "{error}", "Errors, by kind.");
    public static readonly Counter<long> Bytes = Meter.CreateCounter<long>("netops.tcp.client.bytes", "By", "Bytes on the wire, by direction.");
    public static readonly Counter<long> Frames = Meter.CreateCounter<long>("netops.tcp.client.frames", "{frame}", "Frames, heartbeats included, by direction.");
    public static readonly Histogram<double> HeartbeatRtt = Meter.CreateHistogram<double>("netops.tcp.client.heartbeat.rtt", "ms", "Round trip of answered heartbeats.");
    public static readonly Counter<long> PoolCreated = Meter.CreateCounter<long>("netops.tcp.pool.created", "{connection}", "Sessions a pool connected.");
    public static readonly Counter<long> PoolReused = Meter.CreateCounter<long>("netops.tcp.pool.reused", "{connection}", "Rents served by an idle session.");
    public static readonly Counter<long> PoolEvicted = Meter.CreateCounter<long>("netops.tcp.pool.evicted", "{connection}", "Idle sessions closed for being idle too long.");

    private static readonly ObservableGauge<int> BreakerState = Meter.CreateObservableGauge(
        "netops.tcp.client.breaker.state", ObserveBreakers, "{state}", "Circuit breaker state: 0 closed, 1 open, 2 half-open, 3 isolated.");

    public static KeyValuePair<string, object?> Session(string name) => new("session", name);

    public static KeyValuePair<string, object?> Pool(string name) => new("pool", name);

    public static KeyValuePair<string, object?> Direction(bool received) => new("direction", received ? "received" : "sent");

    public static KeyValuePair<string, object?> Kind(TcpClientErrorKind kind) => new("kind", kind.ToString());

    public static void Track(TcpClientSession session) => LiveSessions[session] = 0;

    public static void Untrack(TcpClientSession session) => LiveSessions.TryRemove(session, out _);

    private static IEnumerable<Measurement<int>> ObserveBreakers()
    {
        foreach (TcpClientSession session in LiveSessions.Keys)
        {
            yield return new Measurement<int>((int)session.BreakerState, Session(session.Name));
        }
    }
}
