using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace NetOpsPS.Sockets.Load;

/// <summary>
/// The outcome of one load run (Measure-TcpEcho). Counts, rates and latencies cover the measured
/// time only (after the warm-up, before the drain); errors are counted over the whole run.
/// </summary>
public sealed class TcpLoadResult
{
    /// <summary>The server as given (host and port, or endpoint).</summary>
    public required string Target { get; init; }

    /// <summary>The address and port the connections went to; null when the name did not resolve.</summary>
    public IPEndPoint? RemoteEndPoint { get; init; }

    /// <summary>Ping-pong or pipelined.</summary>
    public required TcpLoadMode Mode { get; init; }

    /// <summary>Connections asked for.</summary>
    public required int Connections { get; init; }

    /// <summary>Connections that connected.</summary>
    public required int ConnectionsOpened { get; init; }

    /// <summary>Payload bytes per request, the line feed not included.</summary>
    public required int PayloadSize { get; init; }

    /// <summary>Lines in flight per connection: 1 in ping-pong mode.</summary>
    public required int PipelineDepth { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>The measured time: from the end of the warm-up to the end of the run (or to the last counted reply when the request bound ended it).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The warm-up asked for.</summary>
    public required TimeSpan WarmUp { get; init; }

    /// <summary>Replies received and verified byte for byte in the measured time.</summary>
    public required long RequestsCompleted { get; init; }

    /// <summary><see cref="RequestsCompleted"/> per second of <see cref="Duration"/>.</summary>
    public double RequestsPerSecond => Duration > TimeSpan.Zero ? RequestsCompleted / Duration.TotalSeconds : 0;

    /// <summary>Bytes of the completed requests (payload and line feed).</summary>
    public required long BytesSent { get; init; }

    /// <summary>Bytes of their verified replies (prefix, payload and line feed).</summary>
    public required long BytesReceived { get; init; }

    /// <summary>Both directions together, sent plus received, in megabytes (10^6 bytes) per second.</summary>
    public double MegabytesPerSecond => Duration > TimeSpan.Zero ? (BytesSent + BytesReceived) / Duration.TotalSeconds / 1e6 : 0;

    /// <summary>Mean time from sending a line to its verified reply.</summary>
    public required TimeSpan LatencyMean { get; init; }

    /// <summary>Median latency (±1 %, microsecond resolution).</summary>
    public required TimeSpan LatencyP50 { get; init; }

    /// <summary>90th percentile latency.</summary>
    public required TimeSpan LatencyP90 { get; init; }

    /// <summary>99th percentile latency.</summary>
    public required TimeSpan LatencyP99 { get; init; }

    /// <summary>99.9th percentile latency.</summary>
    public required TimeSpan LatencyP999 { get; init; }

    /// <summary>Highest latency seen.</summary>
    public required TimeSpan LatencyMax { get; init; }

    /// <summary>Errors over the whole run, by kind (every kind present, zero or not).</summary>
    public required IReadOnlyDictionary<TcpLoadErrorKind, long> Errors { get; init; }

    /// <summary>The first message of each kind of error that happened, for diagnosis.</summary>
    public required IReadOnlyList<string> ErrorMessages { get; init; }

    /// <summary>Connections that could not be made.</summary>
    public long ConnectErrors => Count(TcpLoadErrorKind.ConnectFailed);

    /// <summary>Connections reset or broken under way.</summary>
    public long ResetErrors => Count(TcpLoadErrorKind.Reset);

    /// <summary>Connections that waited longer than the reply timeout.</summary>
    public long TimeoutErrors => Count(TcpLoadErrorKind.Timeout);

    /// <summary>Replies that differed from what was sent (a lost reply shows here or as a timeout).</summary>
    public long CorruptedReplies => Count(TcpLoadErrorKind.CorruptedReply);

    /// <summary>Connections the server closed before the run was over.</summary>
    public long ClosedEarly => Count(TcpLoadErrorKind.ClosedEarly);

    /// <summary>All errors together.</summary>
    public long TotalErrors
    {
        get
        {
            long total = 0;
            foreach (long count in Errors.Values)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>True when replies were counted and nothing went wrong.</summary>
    public bool Succeeded => RequestsCompleted > 0 && TotalErrors == 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Target} {Mode} x{Connections}: {RequestsPerSecond:F0} req/s, {MegabytesPerSecond:F1} MB/s, p99 {LatencyP99.TotalMilliseconds:F3} ms, {TotalErrors} errors");

    private long Count(TcpLoadErrorKind kind) => Errors.TryGetValue(kind, out long count) ? count : 0;
}
