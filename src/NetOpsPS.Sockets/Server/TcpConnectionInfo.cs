using System;
using System.Collections.Generic;
using System.Net;

namespace NetOpsPS.Sockets.Server;

/// <summary>A connection of a server as it was when read (Get-TcpConnection).</summary>
public sealed class TcpConnectionInfo
{
    /// <summary>The server's name.</summary>
    public required string ServerName { get; init; }

    /// <summary>The connection's id within its server.</summary>
    public required long Id { get; init; }

    /// <summary>Where it is in its life.</summary>
    public required TcpConnectionState State { get; init; }

    /// <summary>The client.</summary>
    public IPEndPoint? RemoteEndPoint { get; init; }

    /// <summary>The server's end.</summary>
    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>When it was accepted (UTC).</summary>
    public DateTimeOffset ConnectedAt { get; init; }

    /// <summary>Last byte in either direction (UTC).</summary>
    public DateTimeOffset LastActivity { get; init; }

    /// <summary>Bytes from the client.</summary>
    public long BytesReceived { get; init; }

    /// <summary>Bytes to the client.</summary>
    public long BytesSent { get; init; }

    /// <summary>Frames from the client.</summary>
    public long FramesReceived { get; init; }

    /// <summary>Frames to the client.</summary>
    public long FramesSent { get; init; }

    /// <summary>
    /// Reply bytes the server holds because the client's socket would take no more (as Send-Q in ss, but
    /// above the kernel's buffer): while it is above zero the connection reads nothing new.
    /// </summary>
    public long SendQueue { get; init; }

    /// <summary>Round trip of the last answered heartbeat; null before the first.</summary>
    public TimeSpan? HeartbeatRtt { get; init; }

    /// <summary>Heartbeats in a row without an answer.</summary>
    public int MissedHeartbeats { get; init; }

    /// <summary>Why it closed or is closing; null while it is open.</summary>
    public string? CloseReason { get; init; }

    /// <summary>Every state it entered, with the time.</summary>
    public required IReadOnlyList<TcpStateTransition> Transitions { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{ServerName}#{Id} {RemoteEndPoint} {State}";
}
