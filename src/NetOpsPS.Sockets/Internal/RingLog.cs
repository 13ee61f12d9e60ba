using System;
using System.Collections.Generic;

namespace NetOpsPS.Sockets.Internal;

/// <summary>A fixed-size ring of log entries: a busy server or a flapping session never grows memory through its log.</summary>
internal class RingLog<T>
{
    private readonly T[] _ring;
    private readonly object _gate = new();
    private long _count;

    public RingLog(int capacity) => _ring = new T[capacity];

    /// <summary>The entries still held, oldest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            int n = (int)Math.Min(_count, _ring.Length);
            var list = new T[n];
            for (int i = 0; i < n; i++)
            {
                list[i] = _ring[(_count - n + i) % _ring.Length];
            }

            return list;
        }
    }

    protected void Append(T entry)
    {
        lock (_gate)
        {
            _ring[_count % _ring.Length] = entry;
            _count++;
        }
    }
}
