using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>
/// A session's counters, kept across its connections and mirrored to the metrics instruments, so the object a user
/// holds and an OpenTelemetry collector see the same numbers.
/// </summary>
internal sealed class SessionCounters
{
    private static readonly int KindCount = Enum.GetValues<TcpClientErrorKind>().Length;

    private readonly long[] _errors = new long[KindCount];
    private readonly KeyValuePair<string, object?> _session;
    private readonly TimeProvider _clock;
    private readonly object _lastErrorGate = new();
    private long _attempts;
    private long _connects;
    private long _reconnects;
    private long _bytesSent;
    private long _bytesReceived;
    private long _framesSent;
    private long _framesReceived;
    private long _heartbeatsSent;
    private long _heartbeatsAnswered;
    private long _receiveTimeouts;
    private long _lastRttTicks = -1;

    public SessionCounters(string sessionName, TimeProvider clock)
    {
        _session = ClientMetrics.Session(sessionName);
        _clock = clock;
    }

    public long Attempts => Interlocked.Read(ref _attempts);

    public long Connects => Interlocked.Read(ref _connects);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public long FramesSent => Interlocked.Read(ref _framesSent);

    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    public long HeartbeatsSent => Interlocked.Read(ref _heartbeatsSent);

    public long HeartbeatsAnswered => Interlocked.Read(ref _heartbeatsAnswered);

    public long ReceiveTimeouts => Interlocked.Read(ref _receiveTimeouts);

    public TimeSpan? LastRtt => Interlocked.Read(ref _lastRttTicks) is long ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    public string? LastError { get; private set; }

    public TcpClientErrorKind? LastErrorKind { get; private set; }

    public DateTimeOffset? LastErrorTime { get; private set; }

    public void Attempt() => Add(ref _attempts, ClientMetrics.ConnectAttempts);

    public void Connected(bool reconnect)
    {
        Add(ref _connects, ClientMetrics.Connects);
        if (reconnect)
        {
            Add(ref _reconnects, ClientMetrics.Reconnects);
        }
    }

    public void Sent(long bytes)
    {
        Interlocked.Increment(ref _framesSent);
        Interlocked.Add(ref _bytesSent, bytes);
        ClientMetrics.Frames.Add(1, _session, ClientMetrics.Direction(received: false));
        ClientMetrics.Bytes.Add(bytes, _session, ClientMetrics.Direction(received: false));
    }

    public void BytesRead(long bytes)
    {
        Interlocked.Add(ref _bytesReceived, bytes);
        ClientMetrics.Bytes.Add(bytes, _session, ClientMetrics.Direction(received: true));
    }

    public void FrameRead()
    {
        Interlocked.Increment(ref _framesReceived);
        ClientMetrics.Frames.Add(1, _session, ClientMetrics.Direction(received: true));
    }

    public void HeartbeatSent() => Interlocked.Increment(ref _heartbeatsSent);

    public void HeartbeatAnswered() => Interlocked.Increment(ref _heartbeatsAnswered);

    public void ReceiveTimedOut() => Interlocked.Increment(ref _receiveTimeouts);

    public void Rtt(TimeSpan rtt)
    {
        Interlocked.Exchange(ref _lastRttTicks, rtt.Ticks);
        ClientMetrics.HeartbeatRtt.Record(rtt.TotalMilliseconds, _session);
    }

    public void Error(TcpClientErrorKind kind, string reason)
    {
        Interlocked.Increment(ref _errors[(int)kind]);
        ClientMetrics.Errors.Add(1, _session, ClientMetrics.Kind(kind));
        lock (_lastErrorGate)
        {
            LastError = reason;
            LastErrorKind = kind;
            LastErrorTime = _clock.GetUtcNow();
        }
    }

    public long ErrorCount(TcpClientErrorKind kind) => Interlocked.Read(ref _errors[(int)kind]);

    /// <summary>The kinds seen so far, with their counts (kinds never seen are left out, so the view stays short).</summary>
    public IReadOnlyDictionary<TcpClientErrorKind, long> Errors()
    {
        var seen = new SortedDictionary<TcpClientErrorKind, long>();
        for (int i = 0; i < KindCount; i++)
        {
            long count = Interlocked.Read(ref _errors[i]);
            if (count > 0)
            {
                seen[(TcpClientErrorKind)i] = count;
            }
        }

        return seen;
    }

    private void Add(ref long counter, Counter<long> instrument)
    {
        Interlocked.Increment(ref counter);
        instrument.Add(1, _session);
    }
}
