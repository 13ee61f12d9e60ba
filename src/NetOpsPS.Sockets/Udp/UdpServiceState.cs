namespace NetOpsPS.Sockets.Udp;

/// <summary>Life of a UDP service.</summary>
public enum UdpServiceState
{
    /// <summary>Bound and serving.</summary>
    Running,
    /// <summary>Stop requested; the loops are ending.</summary>
    Stopping,
    /// <summary>Stopped; the sockets are closed.</summary>
    Stopped,
    /// <summary>The receive loop failed; see <see cref="UdpService.Fault"/>.</summary>
    Faulted,
}
