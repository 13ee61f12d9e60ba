using System;
using System.Net;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Server;

/// <summary>Settings of a <see cref="TcpServer"/>. Zero timeouts are off.</summary>
public sealed class TcpServerOptions
{
    /// <summary>Local address; loopback unless told otherwise, so a test server is never exposed by accident.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>Local port; 0 lets the kernel choose.</summary>
    public int Port { get; set; }

    /// <summary>A friendly name; made up from the handler's kind when empty.</summary>
    public string? Name { get; set; }

    /// <summary>What the server does with frames.</summary>
    public ITcpFrameHandler Handler { get; set; } = new EchoFrameHandler("Echo: ");

    /// <summary>How the byte stream is cut into frames and replies are framed; a fresh codec per connection.</summary>
    public FramingOptions Framing { get; set; } = new LineFramingOptions(64 * 1024);

    /// <summary>
    /// When set, the decoder's frames are replied to as raw bytes (no encoder): the echo server uses this with a
    /// line decoder that keeps delimiters, so a CRLF line comes back with its CRLF.
    /// </summary>
    public bool RawReplies { get; set; }

    /// <summary>
    /// Serve with zero-byte async receives on the thread pool even where epoll loops are available (Linux): the
    /// path Windows and macOS take, kept testable here.
    /// </summary>
    internal bool PortableIo { get; set; }

    /// <summary>Length of the kernel's accept queue.</summary>
    public int Backlog { get; set; } = 512;

    /// <summary>Most connections served at once: the worker bound. Each connection is one async loop, so this bounds memory and work.</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>What happens to a connection over <see cref="MaxConnections"/>.</summary>
    public TcpServerFullMode WhenFull { get; set; } = TcpServerFullMode.Queue;

    /// <summary>Sent to a rejected client before the close, in <see cref="TcpServerFullMode.Reject"/> mode; empty for none.</summary>
    public string? RejectMessage { get; set; }

    /// <summary>A frame must arrive whole within this time of its first byte (cuts off slowloris senders).</summary>
    public TimeSpan ReadTimeout { get; set; }

    /// <summary>A send must finish within this time (cuts off peers that do not read).</summary>
    public TimeSpan WriteTimeout { get; set; }

    /// <summary>A connection with no bytes in either direction for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>The application heartbeat; null for none.</summary>
    public TcpHeartbeatOptions? Heartbeat { get; set; }

    /// <summary>How long a stop waits for clients to close their side before closing anyway.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal TcpServerOptions Validated()
    {
        ArgumentNullException.ThrowIfNull(Address);
        ArgumentNullException.ThrowIfNull(Handler);
        ArgumentNullException.ThrowIfNull(Framing);
        if (Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"Port {Port} is outside 0-65535.");
        }

        if (Backlog < 1 || MaxConnections < 1)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "Backlog and MaxConnections must be at least 1.");
        }

        if (ReadTimeout < TimeSpan.Zero || WriteTimeout < TimeSpan.Zero || IdleTimeout < TimeSpan.Zero || DrainTimeout < TimeSpan.Zero)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "Timeouts cannot be negative.");
        }

        Heartbeat?.Validate();
        return (TcpServerOptions)MemberwiseClone();
    }
}
