namespace NetOpsPS.Sockets.Framing;

/// <summary>Why a stream could not be cut into frames.</summary>
public enum FramingError
{
    /// <summary>A frame (or the bytes before a delimiter) is longer than the maximum.</summary>
    TooLong,
    /// <summary>A length field or layout that cannot be right (negative or too small a length, say).</summary>
    Malformed,
    /// <summary>The stream ended inside a frame.</summary>
    Truncated,
    /// <summary>A payload the encoder cannot frame (longer than its length field can say, say).</summary>
    Unencodable,
}
