namespace NetOpsPS.Capture.Tls;

/// <summary>How much of a handshake the capture held.</summary>
public enum TlsHandshakeStatus
{
    /// <summary>A whole ClientHello and the server's ServerHello.</summary>
    Complete,

    /// <summary>A whole ClientHello, but no ServerHello (the server did not answer, or the capture ended).</summary>
    NoServerHello,

    /// <summary>A hello ended early: the connection or capture stopped, or the size bound was reached.</summary>
    Truncated,

    /// <summary>A hello or its records broke the protocol's rules; see Problems.</summary>
    Malformed,
}
