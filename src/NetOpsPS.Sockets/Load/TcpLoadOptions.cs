using System;
using System.Net;

namespace NetOpsPS.Sockets.Load;

/// <summary>
/// Settings of a load run against a line echo server: every request is <c>payload + LF</c> and every
/// reply must be <c><see cref="ReplyPrefix"/> + payload + LF</c>, byte for byte. A run is always
/// bounded: it ends when <see cref="Duration"/> has been measured, or earlier when
/// <see cref="Requests"/> replies have been counted.
/// </summary>
public sealed class TcpLoadOptions
{
    /// <summary>Most connections a run may open.</summary>
    public const int MaxConnections = 100_000;

    /// <summary>Largest payload, in bytes.</summary>
    public const int MaxPayloadSize = 1024 * 1024;

    /// <summary>Most lines one connection may keep in flight.</summary>
    public const int MaxPipelineDepth = 65_536;

    /// <summary>The server to load. Takes precedence over <see cref="Host"/> and <see cref="Port"/>.</summary>
    public IPEndPoint? EndPoint { get; set; }

    /// <summary>The server's name or address, used with <see cref="Port"/> when <see cref="EndPoint"/> is not set.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port, used with <see cref="Host"/>.</summary>
    public int Port { get; set; }

    /// <summary>Connections opened and driven at the same time, each by one task.</summary>
    public int Connections { get; set; } = 1;

    /// <summary>How long the run is measured (after <see cref="WarmUp"/>); the upper bound of every run.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Replies to count, over all connections, before the run ends on its own; 0 for no such bound.</summary>
    public long Requests { get; set; }

    /// <summary>Time spent sending and verifying before counting starts (JIT, caches, TCP windows).</summary>
    public TimeSpan WarmUp { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Ping-pong (latency) or pipelined (throughput).</summary>
    public TcpLoadMode Mode { get; set; } = TcpLoadMode.PingPong;

    /// <summary>Lines each connection keeps in flight in <see cref="TcpLoadMode.Pipelined"/> mode; ping-pong is always 1.</summary>
    public int PipelineDepth { get; set; } = 64;

    /// <summary>Bytes of payload per request, the line feed not included.</summary>
    public int PayloadSize { get; set; } = 64;

    /// <summary>The text the server puts before every echoed line: "Echo: " for NetOpsPS, "" for a plain echo.</summary>
    public string ReplyPrefix { get; set; } = "Echo: ";

    /// <summary>How long one connect may take before it counts as <see cref="TcpLoadErrorKind.ConnectFailed"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a connection that is owed replies may go without receiving a byte before it counts as <see cref="TcpLoadErrorKind.Timeout"/>.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often progress is reported, when a progress sink is given.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Connects in flight at once while the connections open, so a short accept queue is not flooded.</summary>
    public int ConnectConcurrency { get; set; } = 256;

    /// <summary>Use the sockets' async operations even where epoll loops are available: the Windows and macOS path, kept testable.</summary>
    internal bool PortableIo { get; set; }

    /// <summary>The window each connection uses: 1 in ping-pong mode.</summary>
    internal int EffectiveDepth => Mode == TcpLoadMode.PingPong ? 1 : PipelineDepth;

    internal void Validate()
    {
        if (EndPoint is null && string.IsNullOrWhiteSpace(Host))
        {
            throw Invalid("Give the server as EndPoint, or as Host and Port.");
        }

        if (EndPoint is null && Port is < 1 or > IPEndPoint.MaxPort)
        {
            throw Invalid($"Port {Port} is outside 1-65535.");
        }

        if (EndPoint is { Port: 0 })
        {
            throw Invalid("The endpoint's port cannot be 0.");
        }

        if (Connections is < 1 or > MaxConnections)
        {
            throw Invalid($"Connections must be between 1 and {MaxConnections}.");
        }

        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromDays(1))
        {
            throw Invalid("Duration must be more than zero and at most one day: every run is bounded in time.");
        }

        if (Requests < 0)
        {
            throw Invalid("Requests cannot be negative (0 means no count bound).");
        }

        if (WarmUp < TimeSpan.Zero || WarmUp > TimeSpan.FromHours(1))
        {
            throw Invalid("WarmUp must be between zero and one hour.");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw Invalid($"Mode {Mode} is not a load mode.");
        }

        if (PipelineDepth is < 1 or > MaxPipelineDepth)
        {
            throw Invalid($"PipelineDepth must be between 1 and {MaxPipelineDepth}.");
        }

        if (PayloadSize is < 1 or > MaxPayloadSize)
        {
            throw Invalid($"PayloadSize must be between 1 and {MaxPayloadSize} bytes.");
        }

        if (ReplyPrefix is null || ReplyPrefix.Contains('\n', StringComparison.Ordinal))
        {
            throw Invalid("ReplyPrefix must be set (\"\" for a plain echo) and cannot contain a line feed.");
        }

        if (ConnectTimeout <= TimeSpan.Zero || ReplyTimeout <= TimeSpan.Zero || ProgressInterval <= TimeSpan.Zero)
        {
            throw Invalid("ConnectTimeout, ReplyTimeout and ProgressInterval must be more than zero.");
        }

        if (ConnectConcurrency < 1)
        {
            throw Invalid("ConnectConcurrency must be at least 1.");
        }
    }

    private static SocketsException Invalid(string message) => new(SocketsError.InvalidArgument, message);
}
