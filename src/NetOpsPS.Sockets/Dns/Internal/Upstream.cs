using System;
using System.Net;
using System.Threading;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>One upstream server's health: failures in a row mark it down until a retry time, a good answer heals it.</summary>
internal sealed class Upstream
{
    private long _queries, _failures, _mismatches, _downUntilMs, _lastRttTicks;
    private int _consecutiveFailures;
    private string? _lastError;

    public Upstream(IPEndPoint endPoint) => EndPoint = endPoint;

    public IPEndPoint EndPoint { get; }

    public bool IsHealthy(long nowMs) => nowMs >= Interlocked.Read(ref _downUntilMs);

    public void Sent() => Interlocked.Increment(ref _queries);

    public void Mismatch() => Interlocked.Increment(ref _mismatches);

    public void Succeeded(TimeSpan rtt)
    {
        Interlocked.Exchange(ref _lastRttTicks, rtt.Ticks);
        Interlocked.Exchange(ref _consecutiveFailures, 0);
        Interlocked.Exchange(ref _downUntilMs, 0);
    }

    public void Failed(string error, long nowMs, int threshold, TimeSpan retryInterval)
    {
        Interlocked.Increment(ref _failures);
        _lastError = error;
        if (Interlocked.Increment(ref _consecutiveFailures) >= threshold)
        {
            Interlocked.Exchange(ref _downUntilMs, nowMs + (long)retryInterval.TotalMilliseconds);
        }
    }

    public DnsUpstreamStatus Snapshot(long nowMs) => new()
    {
        EndPoint = EndPoint,
        Healthy = IsHealthy(nowMs),
        Queries = Interlocked.Read(ref _queries),
        Failures = Interlocked.Read(ref _failures),
        ConsecutiveFailures = Volatile.Read(ref _consecutiveFailures),
        Mismatches = Interlocked.Read(ref _mismatches),
        LastRoundTripTime = TimeSpan.FromTicks(Interlocked.Read(ref _lastRttTicks)),
        LastError = _lastError,
    };
}
