using System;
using System.Collections.Generic;

namespace NetOpsPS.Sockets.Server.Internal;

/// <summary>Enforces the transitions of <see cref="TcpConnectionState"/> and keeps their timestamps.</summary>
internal sealed class ConnectionStateMachine
{
    private readonly TcpStateTransition[] _history = new TcpStateTransition[5];
    private readonly object _gate = new();
    private int _count;

    public ConnectionStateMachine() => Record(TcpConnectionState.Idle);

    public TcpConnectionState State { get; private set; }

    public IReadOnlyList<TcpStateTransition> History
    {
        get
        {
            lock (_gate)
            {
                return _history.AsSpan(0, _count).ToArray();
            }
        }
    }

    /// <summary>Moves to <paramref name="next"/>; a transition the machine does not allow is a bug and throws.</summary>
    public void MoveTo(TcpConnectionState next)
    {
        lock (_gate)
        {
            if (!Allowed(State, next))
            {
                throw new InvalidOperationException($"A connection cannot go from {State} to {next}.");
            }

            Record(next);
        }
    }

    /// <summary>Moves to <paramref name="next"/> when allowed; false when the connection is already there or past it.</summary>
    public bool TryMoveTo(TcpConnectionState next)
    {
        lock (_gate)
        {
            if (!Allowed(State, next))
            {
                return false;
            }

            Record(next);
            return true;
        }
    }

    internal static bool Allowed(TcpConnectionState from, TcpConnectionState to) => (from, to) switch
    {
        (TcpConnectionState.Idle, TcpConnectionState.Handshaking) => true,
        (TcpConnectionState.Handshaking, TcpConnectionState.Active) => true,
        (TcpConnectionState.Handshaking, TcpConnectionState.Closing) => true,
        (TcpConnectionState.Active, TcpConnectionState.Closing) => true,
        (TcpConnectionState.Closing, TcpConnectionState.Closed) => true,
        _ => false,
    };

    private void Record(TcpConnectionState state)
    {
        State = state;
        _history[_count++] = new TcpStateTransition(state, DateTimeOffset.UtcNow);
    }
}
