using System;

namespace NetOpsPS.Sockets.Server;

/// <summary>
/// An application heartbeat: every <see cref="Interval"/> the server sends a frame <c>PING &lt;n&gt;</c>;
/// the client answers <c>PONG &lt;n&gt;</c> and the round trip is the connection's RTT. After
/// <see cref="MissedLimit"/> pings in a row without an answer the connection is closed.
/// A client frame <c>PING &lt;n&gt;</c> is answered with <c>PONG &lt;n&gt;</c> and not handed to the handler.
/// </summary>
public sealed class TcpHeartbeatOptions
{
    /// <summary>Time between pings.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Unanswered pings in a row that close the connection.</summary>
    public int MissedLimit { get; set; } = 3;

    internal void Validate()
    {
        if (Interval <= TimeSpan.Zero)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "The heartbeat interval must be positive.");
        }

        if (MissedLimit < 1)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "The heartbeat missed limit must be at least 1.");
        }
    }
}
