namespace NetOpsPS.Sockets.Load;

/// <summary>What went wrong with a connection or a reply during a load run.</summary>
public enum TcpLoadErrorKind
{
    /// <summary>The connection could not be made (refused, unreachable, name not resolved, or the connect timeout passed).</summary>
    ConnectFailed = 0,

    /// <summary>The connection was reset or broken while requests were under way.</summary>
    Reset,

    /// <summary>No reply byte arrived within the reply timeout while replies were owed; the connection was closed.</summary>
    Timeout,

    /// <summary>A reply differed from <c>prefix + payload + LF</c> in at least one byte, or came when none was owed.</summary>
    CorruptedReply,

    /// <summary>The server closed its side (FIN) before the run was over.</summary>
    ClosedEarly,
}
