using System;
using NetOpsPS.Sockets.Framing;
using NetOpsPS.Sockets.Server;

namespace NetOpsPS.Sockets;

/// <summary>
/// The line echo server of the seed's chapter 1, as a preset of <see cref="TcpServer"/>: lines
/// (LF or CRLF) come back byte for byte, terminator included, behind a prefix.
/// </summary>
public static class TcpEchoServer
{
    /// <summary>Starts an echo server; throws <see cref="SocketsException"/> when the bind fails.</summary>
    public static TcpServer Start(TcpEchoServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var server = new TcpServerOptions
        {
            Address = options.Address,
            Port = options.Port,
            Name = options.Name,
            Backlog = options.Backlog,
            DrainTimeout = options.DrainTimeout,
        };
        return TcpServer.Start(Configure(server, options.Prefix, options.MaxLineLength));
    }

    /// <summary>Makes <paramref name="options"/> an echo server: echo handler, line framing that keeps each line's own ending, raw replies.</summary>
    public static TcpServerOptions Configure(TcpServerOptions options, string prefix, int maxLineLength)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Handler = new EchoFrameHandler(prefix);
        options.Framing = new LineFramingOptions(maxLineLength, stripDelimiter: false, failFast: true);
        options.RawReplies = true;
        return options;
    }
}
