namespace NetOpsPS.Sockets.Framing;

/// <summary>The line ending a line encoder writes. Line decoders accept both.</summary>
public enum LineEnding
{
    /// <summary>"\n".</summary>
    Lf,
    /// <summary>"\r\n".</summary>
    CrLf,
}
