using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Udp;

/// <summary>A UDP echo server (RFC 862): every datagram goes back to its sender byte for byte.</summary>
public sealed class UdpEchoServer : UdpService
{
    private long _echoed;
    private long _sendFailures;

    private UdpEchoServer(UdpEchoServerOptions options)
        : base("UdpEcho", options.Name, options.LocalEndPoint, options.Buffers)
    {
    }

    /// <summary>Datagrams sent back.</summary>
    public long DatagramsEchoed => Interlocked.Read(ref _echoed);

    /// <summary>Echoes the kernel refused (a full send buffer, an unreachable sender).</summary>
    public long SendFailures => Interlocked.Read(ref _sendFailures);

    /// <summary>Binds and starts; throws <see cref="SocketsException"/> when the bind fails.</summary>
    public static UdpEchoServer Start(UdpEchoServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Buffers.Validate();
        var server = new UdpEchoServer(options);
        server.StartLoop();
        return server;
    }

    /// <inheritdoc />
    protected override async ValueTask OnDatagramAsync(ReadOnlyMemory<byte> data, IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (await ReplyAsync(data, remote, cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _echoed);
        }
        else
        {
            Interlocked.Increment(ref _sendFailures);
        }
    }
}
