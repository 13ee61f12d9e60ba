using System.Management.Automation;
using NetOpsPS.Sockets.Reliable;

namespace NetOpsPS.Udp;

/// <summary>Error records of reliable UDP: the id is ReliableUdp plus the kind (ReliableUdpRetriesExhausted, ReliableUdpPeerRestarted...).</summary>
internal static class ReliableUdpErrors
{
    public static ErrorRecord From(ReliableUdpException ex, object? target)
    {
        ErrorCategory category = ex.Kind switch
        {
            ReliableUdpErrorKind.RetriesExhausted => ErrorCategory.OperationTimeout,
            ReliableUdpErrorKind.PeerRestarted => ErrorCategory.ConnectionError,
            ReliableUdpErrorKind.MessageTooLarge => ErrorCategory.LimitsExceeded,
            _ => ErrorCategory.ConnectionError,
        };
        return new ErrorRecord(ex, "ReliableUdp" + ex.Kind, category, target);
    }
}
