using System;
using System.Collections.Generic;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>A fixed-size ring of session events: a session that flaps for days never grows memory through its log.</summary>
internal sealed class BoundedEventLog
{
    private readonly TcpClientSessionEvent[] _ring;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private long _count;

    public BoundedEventLog(int capacity, TimeProvider clock)
    {
        _ring = new TcpClientSessionEvent[capacity];
        _clock = clock;
    }

    public void Add(TcpClientSessionEventKind kind, string message)
    {
        var entry = new TcpClientSessionEvent(_clock.GetUtcNow(), kind, message);
        lock (_gate)
        {
            _ring[_count % _ring.Length] = entry;
            _count++;
        }
    }

    public IReadOnlyList<TcpClientSessionEvent> Snapshot()
    {
        lock (_gate)
        {
            int n = (int)Math.Min(_count, _ring.Length);
            var list = new TcpClientSessionEvent[n];
            for (int i = 0; i < n; i++)
            {
                list[i] = _ring[(_count - n + i) % _ring.Length];
            }

            return list;
        }
    }
}
