using System;
using System.Net;

namespace NetOpsPS.Sockets.Server;

/// <summary>What happened on a server.</summary>
public enum TcpServerEventKind
{
    /// <summary>A connection was accepted.</summary>
    Accepted,
    /// <summary>A connection closed; Message says who closed it and why.</summary>
    Closed,
    /// <summary>A connection was cut for breaking a limit (an over-long line, say).</summary>
    Violation,
    /// <summary>A connection was refused because the server was full.</summary>
    Rejected,
    /// <summary>An accept or socket error.</summary>
    Error,
    /// <summary>The server changed state.</summary>
    State,
}

/// <summary>One entry of a server's bounded event log.</summary>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Kind">What kind of event.</param>
/// <param name="ConnectionId">The connection's id, 0 for server-wide events.</param>
/// <param name="RemoteEndPoint">The peer, when there is one.</param>
/// <param name="Message">A readable account.</param>
public sealed record TcpServerEvent(
    DateTimeOffset Timestamp,
    TcpServerEventKind Kind,
    long ConnectionId,
    IPEndPoint? RemoteEndPoint,
    string Message);
