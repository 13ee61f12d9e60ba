namespace NetOpsPS.Tcp;

/// <summary>What Start-TcpServer does with each frame.</summary>
public enum TcpServerHandler
{
    /// <summary>Answer every frame with the same frame behind -Prefix.</summary>
    Echo,
    /// <summary>Read and count frames, answer nothing.</summary>
    Discard,
}
