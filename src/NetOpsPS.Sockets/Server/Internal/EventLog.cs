using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>A fixed-size ring of server events: a busy server never grows memory through its log.</summary>
internal sealed class EventLog
{
    private readonly TcpServerEvent[] _ring;
    private readonly object _gate = new();
    private long _count;

    public EventLog(int capacity) => _ring = new TcpServerEvent[capacity];

    public void Add(TcpServerEventKind kind, long connectionId, IPEndPoint? remote, string message)
    {
        var entry = new TcpServerEvent(DateTimeOffset.UtcNow, kind, connectionId, remote, message);
        lock (_gate)
        {
            _ring[_count % _ring.Length] = entry;
            _count++;
        }
    }

    public IReadOnlyList<TcpServerEvent> Snapshot()
    {
        lock (_gate)
        {
            int n = (int)Math.Min(_count, _ring.Length);
            var list = new TcpServerEvent[n];
            long first = _count - n;
            for (int i = 0; i < n; i++)
            {
                list[i] = _ring[(first + i) % _ring.Length];
            }

            return list;
        }
    }
}
