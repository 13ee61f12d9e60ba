namespace NetOpsPS.Sockets.Udp;

/// <summary>
/// Kernel buffer sizes asked for a UDP socket. 0 keeps the system default. A burst larger than the
/// receive buffer is dropped by the kernel before any code sees it, so servers that take bursts
/// (DNS, QUIC, WireGuard) ask for more than the default and check what they got.
/// </summary>
public sealed class UdpBufferOptions
{
    /// <summary>Largest size accepted: Linux keeps the value as an int and doubles it.</summary>
    public const int MaxBufferSize = 1 << 30;

    /// <summary>Receive buffer (SO_RCVBUF) in bytes; 0 keeps the system default.</summary>
    public int ReceiveBufferSize { get; set; }

    /// <summary>Send buffer (SO_SNDBUF) in bytes; 0 keeps the system default.</summary>
    public int SendBufferSize { get; set; }

    /// <summary>
    /// When the kernel caps a request at net.core.rmem_max / wmem_max, retry with SO_RCVBUFFORCE /
    /// SO_SNDBUFFORCE (Linux, needs CAP_NET_ADMIN), as quic-go and wireguard-go do. Off by default:
    /// it overrides a limit the administrator set, so the user asks for it.
    /// </summary>
    public bool Force { get; set; }

    internal void Validate()
    {
        if (ReceiveBufferSize is < 0 or > MaxBufferSize)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"ReceiveBufferSize {ReceiveBufferSize} is outside 0-{MaxBufferSize}.");
        }

        if (SendBufferSize is < 0 or > MaxBufferSize)
        {
            throw new SocketsException(SocketsError.InvalidArgument, $"SendBufferSize {SendBufferSize} is outside 0-{MaxBufferSize}.");
        }
    }
}
