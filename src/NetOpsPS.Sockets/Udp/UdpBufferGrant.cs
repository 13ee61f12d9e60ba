namespace NetOpsPS.Sockets.Udp;

/// <summary>
/// What one buffer request got. <see cref="Granted"/> is what the kernel reports back
/// (getsockopt): Linux doubles the value asked for, to leave room for its own bookkeeping, and caps
/// it at twice net.core.rmem_max / wmem_max, so a granted size below the request means the cap hit.
/// </summary>
public sealed class UdpBufferGrant
{
    internal UdpBufferGrant(UdpBufferDirection direction, int requested, int granted, int? kernelLimit, bool forced)
    {
        Direction = direction;
        Requested = requested;
        Granted = granted;
        KernelLimit = kernelLimit;
        Forced = forced;
    }

    /// <summary>Receive or send buffer.</summary>
    public UdpBufferDirection Direction { get; }

    /// <summary>Bytes asked for; 0 when the system default was kept.</summary>
    public int Requested { get; }

    /// <summary>Bytes the kernel reports (getsockopt after the setsockopt).</summary>
    public int Granted { get; }

    /// <summary>net.core.rmem_max or wmem_max when readable (Linux), else null.</summary>
    public int? KernelLimit { get; }

    /// <summary>True when SO_RCVBUFFORCE / SO_SNDBUFFORCE set the size past the kernel limit.</summary>
    public bool Forced { get; }

    /// <summary>True when the kernel granted less than was asked.</summary>
    public bool Capped => Requested > 0 && Granted < Requested;

    /// <summary>A sentence for the user when <see cref="Capped"/>, else null (quic-go's wording, with the fix).</summary>
    public string? Warning => !Capped ? null : Direction == UdpBufferDirection.Receive
        ? $"The kernel capped the UDP receive buffer: asked {Requested} bytes, got {Granted}{LimitText("rmem")}. Raise it with 'sysctl -w net.core.rmem_max={Requested}' or use -ForceBufferSize as root."
        : $"The kernel capped the UDP send buffer: asked {Requested} bytes, got {Granted}{LimitText("wmem")}. Raise it with 'sysctl -w net.core.wmem_max={Requested}' or use -ForceBufferSize as root.";

    /// <inheritdoc />
    public override string ToString() => $"{Direction}: requested {Requested}, granted {Granted}{(Forced ? " (forced)" : string.Empty)}";

    private string LimitText(string name) => KernelLimit is { } limit ? $" (net.core.{name}_max is {limit})" : string.Empty;
}
