namespace NetOpsPS.Sockets.Reliable;

/// <summary>Why a reliable UDP transfer failed; maps to the error id ReliableUdp + kind.</summary>
public enum ReliableUdpErrorKind
{
    /// <summary>A packet went unacknowledged through every retry: the listener is down, silent or unreachable.</summary>
    RetriesExhausted,
    /// <summary>The listener answered with a new epoch: it restarted mid-transfer and lost the transfer's state.</summary>
    PeerRestarted,
    /// <summary>A message is larger than MaxMessageSize.</summary>
    MessageTooLarge,
    /// <summary>The socket failed (bind, send).</summary>
    Socket,
}
