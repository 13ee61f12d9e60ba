using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace NetOpsPS.Sockets.Load.Internal;

internal sealed partial class LoadRun
{
    private TcpLoadResult BuildResult(DateTimeOffset started)
    {
        var latency = new LatencyHistogram();
        var errors = new Dictionary<TcpLoadErrorKind, long>();
        var firstMessages = new string?[LoadConnection.ErrorKindCount];
        long completed = 0;
        int opened = 0;
        foreach (TcpLoadErrorKind kind in Enum.GetValues<TcpLoadErrorKind>())
        {
            errors[kind] = 0;
        }

        foreach (LoadConnection connection in _connections)
        {
            latency.Add(connection.Latency);
            completed += connection.Completed;
            opened += connection.Opened ? 1 : 0;
            for (int kind = 0; kind < LoadConnection.ErrorKindCount; kind++)
            {
                errors[(TcpLoadErrorKind)kind] += connection.ErrorCount((TcpLoadErrorKind)kind);
                firstMessages[kind] ??= connection.FirstError((TcpLoadErrorKind)kind);
            }
        }

        var messages = new List<string>();
        for (int kind = 0; kind < firstMessages.Length; kind++)
        {
            if (firstMessages[kind] is { } message)
            {
                messages.Add($"{(TcpLoadErrorKind)kind}: {message}");
            }
        }

        return new TcpLoadResult
        {
            Target = Target,
            RemoteEndPoint = EndPoint,
            Mode = Options.Mode,
            Connections = Options.Connections,
            ConnectionsOpened = opened,
            PayloadSize = Options.PayloadSize,
            PipelineDepth = Depth,
            StartTime = started,
            Duration = Stopwatch.GetElapsedTime(_measureStart, _measureEnd),
            WarmUp = Options.WarmUp,
            RequestsCompleted = completed,
            BytesSent = completed * LineLength,
            BytesReceived = completed * ReplyLength,
            LatencyMean = Microseconds(latency.Mean),
            LatencyP50 = Microseconds(latency.ValueAtPercentile(50)),
            LatencyP90 = Microseconds(latency.ValueAtPercentile(90)),
            LatencyP99 = Microseconds(latency.ValueAtPercentile(99)),
            LatencyP999 = Microseconds(latency.ValueAtPercentile(99.9)),
            LatencyMax = Microseconds(latency.Max),
            Errors = errors,
            ErrorMessages = messages,
        };
    }

    private static TimeSpan Microseconds(double micros) => TimeSpan.FromTicks((long)Math.Round(micros * TimeSpan.TicksPerMicrosecond));
}
