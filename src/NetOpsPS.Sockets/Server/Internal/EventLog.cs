using System;
using System.Net;
using NetOpsPS.Sockets.Internal;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>A server's bounded event log.</summary>
internal sealed class EventLog : RingLog<TcpServerEvent>
{
    public EventLog(int capacity) : base(capacity) { }

    public void Add(TcpServerEventKind kind, long connectionId, IPEndPoint? remote, string message) =>
        Append(new TcpServerEvent(DateTimeOffset.UtcNow, kind, connectionId, remote, message));
}
