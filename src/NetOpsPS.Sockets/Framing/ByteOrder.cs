namespace NetOpsPS.Sockets.Framing;

/// <summary>The byte order of a length field.</summary>
public enum ByteOrder
{
    /// <summary>Most significant byte first: network byte order, Netty's default.</summary>
    BigEndian,
    /// <summary>Least significant byte first.</summary>
    LittleEndian,
}
