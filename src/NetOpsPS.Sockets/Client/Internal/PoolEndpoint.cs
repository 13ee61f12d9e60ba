using System;
using System.Collections.Generic;
using System.Threading;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>
/// One endpoint of a pool. The semaphore counts leases; a new session is only made when no idle one is left, so
/// leased and idle sessions together never pass the maximum. Idle sessions are kept oldest first: rents take the
/// newest (warm, least likely to have been cut by a middlebox), sweeps close from the oldest end.
/// </summary>
internal sealed class PoolEndpoint
{
    private readonly List<(TcpClientSession Session, DateTimeOffset Since)> _idle = new();

    public PoolEndpoint(int maxSessions)
    {
        MaxSessions = maxSessions;
        Leases = new SemaphoreSlim(maxSessions, maxSessions);
    }

    public int MaxSessions { get; }

    public SemaphoreSlim Leases { get; }

    public int IdleCount
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    public int LeasedCount => MaxSessions - Leases.CurrentCount;

    public void Park(TcpClientSession session, DateTimeOffset now)
    {
        lock (_idle)
        {
            _idle.Add((session, now));
        }
    }

    public TcpClientSession? TakeNewest()
    {
        lock (_idle)
        {
            if (_idle.Count == 0)
            {
                return null;
            }

            TcpClientSession session = _idle[^1].Session;
            _idle.RemoveAt(_idle.Count - 1);
            return session;
        }
    }

    /// <summary>Removes the sessions idle since <paramref name="cutoff"/> or before (all of them when null).</summary>
    public List<TcpClientSession> TakeIdleSince(DateTimeOffset? cutoff)
    {
        lock (_idle)
        {
            int count = 0;
            while (count < _idle.Count && (cutoff is null || _idle[count].Since <= cutoff))
            {
                count++;
            }

            var taken = new List<TcpClientSession>(count);
            for (int i = 0; i < count; i++)
            {
                taken.Add(_idle[i].Session);
            }

            _idle.RemoveRange(0, count);
            return taken;
        }
    }
}
