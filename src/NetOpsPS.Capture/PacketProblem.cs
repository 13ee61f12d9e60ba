using System;

namespace NetOpsPS.Capture;

/// <summary>Why a packet could not be decoded completely; the packet is still returned, flagged.</summary>
[Flags]
public enum PacketProblem
{
    /// <summary>Decoded as far as its headers go.</summary>
    None = 0,

    /// <summary>The capture holds fewer bytes than the packet had on the wire (snap length).</summary>
    Truncated = 1,

    /// <summary>A header was cut off before its end: the layers after it are missing.</summary>
    HeaderCut = 2,

    /// <summary>A length or version field is impossible (IHL below 5, TCP data offset below 5, bad IP version).</summary>
    Malformed = 4,

    /// <summary>An application layer (DNS, HTTP) was present but could not be parsed.</summary>
    BadApplicationLayer = 8,
}
