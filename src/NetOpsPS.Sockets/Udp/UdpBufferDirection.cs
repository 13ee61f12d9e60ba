namespace NetOpsPS.Sockets.Udp;

/// <summary>Which kernel buffer of a socket.</summary>
public enum UdpBufferDirection
{
    /// <summary>SO_RCVBUF: datagrams waiting to be read.</summary>
    Receive,
    /// <summary>SO_SNDBUF: datagrams waiting to leave.</summary>
    Send,
}
