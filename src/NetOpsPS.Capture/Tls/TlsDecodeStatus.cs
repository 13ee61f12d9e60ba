namespace NetOpsPS.Capture.Tls;

/// <summary>How far a hello could be decoded. Anything but <see cref="Complete"/> comes with a problem text.</summary>
public enum TlsDecodeStatus
{
    /// <summary>Every length field agreed with the bytes present.</summary>
    Complete,

    /// <summary>The stream ended (or hit the size bound) before the message did; the fields read so far are kept.</summary>
    Truncated,

    /// <summary>A length field or value contradicts the bytes around it; the fields read before it are kept.</summary>
    Malformed,
}
