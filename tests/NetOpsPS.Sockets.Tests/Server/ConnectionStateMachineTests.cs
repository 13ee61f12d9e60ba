using System;
using System.Linq;
using NetOpsPS.Sockets.Server;
using NetOpsPS.Sockets.Server.Internal;
using Xunit;

namespace NetOpsPS.Sockets.Tests.Server;

public sealed class ConnectionStateMachineTests
{
    [Fact]
    public void OnlyTheDocumentedTransitionsAreAllowed()
    {
        var all = Enum.GetValues<TcpConnectionState>();
        var allowed = (from f in all from t in all where ConnectionStateMachine.Allowed(f, t) select (f, t)).ToArray();
        Assert.Equal(
            new[]
            {
                (TcpConnectionState.Idle, TcpConnectionState.Handshaking),
                (TcpConnectionState.Handshaking, TcpConnectionState.Active),
                (TcpConnectionState.Handshaking, TcpConnectionState.Closing),
                (TcpConnectionState.Active, TcpConnectionState.Closing),
                (TcpConnectionState.Closing, TcpConnectionState.Closed),
            },
            allowed);
    }

    [Fact]
    public void ASkippedStateIsRefusedAndHistoryIsTimestampedInOrder()
    {
        var machine = new ConnectionStateMachine();
        Assert.Throws<InvalidOperationException>(() => machine.MoveTo(TcpConnectionState.Active));
        Assert.False(machine.TryMoveTo(TcpConnectionState.Closed));
        machine.MoveTo(TcpConnectionState.Handshaking);
        machine.MoveTo(TcpConnectionState.Active);
        machine.MoveTo(TcpConnectionState.Closing);
        machine.MoveTo(TcpConnectionState.Closed);

        Assert.Equal(Enum.GetValues<TcpConnectionState>(), machine.History.Select(h => h.State));
        Assert.True(machine.History.Zip(machine.History.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
    }
}
