namespace NetOpsPS.Sockets.DnsTools;

/// <summary>Where a proxy is in its life.</summary>
public enum DnsProxyState
{
    /// <summary>Answering queries.</summary>
    Running,
    /// <summary>Stopped; its sockets are closed.</summary>
    Stopped,
}
