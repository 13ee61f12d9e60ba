namespace NetOpsPS.Sockets.Reliable;

/// <summary>Where a transfer is, reported to an IProgress at most ten times a second.</summary>
public readonly record struct ReliableUdpProgress(int MessagesAcknowledged, int Messages, long Retransmissions);
