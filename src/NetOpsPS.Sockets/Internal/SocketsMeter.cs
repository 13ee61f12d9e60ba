using System.Diagnostics.Metrics;

namespace NetOpsPS.Sockets.Internal;

/// <summary>
/// The one Meter of the sockets engine: servers, clients and pools create their instruments on it,
/// so an OpenTelemetry or dotnet-counters listener subscribes to "NetOpsPS.Sockets" once.
/// </summary>
internal static class SocketsMeter
{
    public const string Name = "NetOpsPS.Sockets";

    public static readonly Meter Instance = new(Name, "1.0");
}
