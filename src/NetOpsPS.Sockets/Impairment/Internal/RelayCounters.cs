namespace NetOpsPS.Sockets.Impairment.Internal;

/// <summary>The relay's counters, shared by both directions and updated with Interlocked.</summary>
internal sealed class RelayCounters
{
    public long Forwarded;
    public long Dropped;
    public long Duplicated;
    public long Reordered;
    public long Delayed;
    public long SendFailures;
    public long ClientsRejected;
}
