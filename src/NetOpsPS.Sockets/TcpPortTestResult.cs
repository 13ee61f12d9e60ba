using System;
using System.Net;

namespace NetOpsPS.Sockets;

/// <summary>The result of one TCP port test (Test-TcpPort).</summary>
public sealed class TcpPortTestResult
{
    /// <summary>The target as given (name or address).</summary>
    public required string ComputerName { get; init; }

    /// <summary>The address the last attempt went to; null when the name did not resolve.</summary>
    public IPAddress? RemoteAddress { get; init; }

    /// <summary>The TCP port tested.</summary>
    public required int Port { get; init; }

    /// <summary>What happened.</summary>
    public required TcpPortStatus Status { get; init; }

    /// <summary>True when the port is open.</summary>
    public bool Succeeded => Status == TcpPortStatus.Open;

    /// <summary>Time the successful connect took (the handshake round trip); for a failure, the time until it failed.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The local end of the successful connection.</summary>
    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>Why it failed, in words; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>When the test started (UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{ComputerName}:{Port} {Status}";
}
