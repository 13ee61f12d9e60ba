using System;
using System.Net;
using System.Text;

namespace NetOpsPS.Sockets.Reliable;

/// <summary>A message a listener delivered: complete, in its session's order, once.</summary>
public sealed class ReliableUdpMessage
{
    internal ReliableUdpMessage(IPEndPoint remoteEndPoint, uint sessionId, long number, byte[] data, DateTimeOffset timestamp)
    {
        RemoteEndPoint = remoteEndPoint;
        SessionId = sessionId;
        Number = number;
        Data = data;
        Timestamp = timestamp;
    }

    /// <summary>The sender.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The sender's session (one per transfer).</summary>
    public uint SessionId { get; }

    /// <summary>Position in the session, from 0.</summary>
    public long Number { get; }

    /// <summary>The payload.</summary>
    public byte[] Data { get; }

    /// <summary>Payload bytes.</summary>
    public int Length => Data.Length;

    /// <summary>When the last fragment arrived (UTC).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The payload as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <inheritdoc />
    public override string ToString() => $"#{Number} from {RemoteEndPoint}, {Length} bytes";
}
