using System;

namespace NetOpsPS.Sockets.Server;

/// <summary>A connection entered <paramref name="State"/> at <paramref name="Timestamp"/> (UTC).</summary>
public readonly record struct TcpStateTransition(TcpConnectionState State, DateTimeOffset Timestamp);
