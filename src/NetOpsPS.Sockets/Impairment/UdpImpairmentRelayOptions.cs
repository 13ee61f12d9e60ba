using System.Net;
using NetOpsPS.Sockets.Udp;

namespace NetOpsPS.Sockets.Impairment;

/// <summary>Settings of an impairment relay.</summary>
public sealed class UdpImpairmentRelayOptions
{
    /// <summary>Where clients send; loopback unless told otherwise, port 0 lets the kernel choose.</summary>
    public IPEndPoint LocalEndPoint { get; set; } = new(IPAddress.Loopback, 0);

    /// <summary>Where the relay forwards to (the server behind the impaired link).</summary>
    public IPEndPoint? Target { get; set; }

    /// <summary>A friendly name; made up when empty.</summary>
    public string? Name { get; set; }

    /// <summary>The impairment, applied in both directions (each with its own generator).</summary>
    public UdpImpairmentOptions Impairment { get; set; } = new();

    /// <summary>Clients relayed at once (each gets its own socket toward the target); more are dropped and counted.</summary>
    public int MaxClients { get; set; } = 256;

    /// <summary>Kernel buffer sizes of the listening socket.</summary>
    public UdpBufferOptions Buffers { get; set; } = new();

    internal void Validate()
    {
        if (Target is null)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "An impairment relay needs a Target.");
        }

        if (MaxClients < 1)
        {
            throw new SocketsException(SocketsError.InvalidArgument, "MaxClients must be at least 1.");
        }

        Impairment.Validate();
        Buffers.Validate();
    }
}
