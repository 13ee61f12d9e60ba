using System;
using System.Net;

namespace NetOpsPS.Sockets;

/// <summary>Settings of a line echo server.</summary>
public sealed class TcpEchoServerOptions
{
    /// <summary>Local address to bind; loopback unless told otherwise, so a test server is never exposed by accident.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>Local port; 0 lets the kernel choose a free one.</summary>
    public int Port { get; set; }

    /// <summary>Text put before every echoed line.</summary>
    public string Prefix { get; set; } = "Echo: ";

    /// <summary>A friendly name; the server makes one up when empty.</summary>
    public string? Name { get; set; }

    /// <summary>Length of the kernel's accept queue.</summary>
    public int Backlog { get; set; } = 512;

    /// <summary>Longest line accepted, not counting its LF or CRLF; a longer one closes that connection.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>How long a stop waits for clients to close their side before the sockets are closed anyway.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"Port {Port} is outside 0-65535.");
        }

        if (Backlog < 1)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "Backlog must be at least 1.");
        }

        if (MaxLineLength < 1)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "MaxLineLength must be at least 1.");
        }

        if (DrainTimeout < TimeSpan.Zero)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "DrainTimeout cannot be negative.");
        }
    }
}
