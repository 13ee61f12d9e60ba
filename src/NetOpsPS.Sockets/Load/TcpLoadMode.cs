namespace NetOpsPS.Sockets.Load;

/// <summary>How each connection of a load run drives its server.</summary>
public enum TcpLoadMode
{
    /// <summary>One line, then wait for its reply before the next: measures latency and request rate.</summary>
    PingPong = 0,

    /// <summary>Up to <see cref="TcpLoadOptions.PipelineDepth"/> lines in flight, sent as the window opens: measures throughput.</summary>
    Pipelined,
}
