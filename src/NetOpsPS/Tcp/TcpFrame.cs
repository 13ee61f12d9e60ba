using System;
using System.Text;

namespace NetOpsPS.Tcp;

/// <summary>A frame received by Receive-TcpFrame.</summary>
public sealed class TcpFrame
{
    internal TcpFrame(string session, byte[] data)
    {
        Session = session;
        Data = data;
        ReceivedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The session that received it.</summary>
    public string Session { get; }

    /// <summary>The payload, as the session's framing decoded it.</summary>
    public byte[] Data { get; }

    /// <summary>Payload bytes.</summary>
    public int Length => Data.Length;

    /// <summary>The payload as UTF-8 text (invalid sequences become U+FFFD).</summary>
    public string Text => Encoding.UTF8.GetString(Data);

    /// <summary>When it was handed to the pipeline (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
