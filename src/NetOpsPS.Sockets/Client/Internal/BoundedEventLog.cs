using System;
using NetOpsPS.Sockets.Internal;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>A session's bounded event log, stamped by the session's clock (a manual one in tests).</summary>
internal sealed class BoundedEventLog : RingLog<TcpClientSessionEvent>
{
    private readonly TimeProvider _clock;

    public BoundedEventLog(int capacity, TimeProvider clock) : base(capacity) => _clock = clock;

    public void Add(TcpClientSessionEventKind kind, string message) =>
        Append(new TcpClientSessionEvent(_clock.GetUtcNow(), kind, message));
}
