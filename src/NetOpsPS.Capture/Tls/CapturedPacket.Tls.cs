using NetOpsPS.Capture.Tls;

namespace NetOpsPS.Capture;

/// <summary>The TLS layer of one packet, decoded on first access.</summary>
public sealed partial class CapturedPacket
{
    // One segment holds at most one MTU or a TSO super-segment; 64 KiB bounds what a lying length can claim.
    private const int MaxTlsHelloBytes = 64 * 1024;
    private TlsHelloBase? _tlsHello;
    private bool _tlsDecoded;

    /// <summary>
    /// The ClientHello that starts in this segment's TCP payload, or null. Only this packet's bytes are read: a
    /// hello spread over segments is Truncated here and whole in Get-TlsHandshake, which reassembles the stream.
    /// </summary>
    public TlsClientHello? TlsClientHello => TlsHello as TlsClientHello;

    /// <summary>The ServerHello that starts in this segment's TCP payload (after any alert records), or null.</summary>
    public TlsServerHello? TlsServerHello => TlsHello as TlsServerHello;

    private TlsHelloBase? TlsHello
    {
        get
        {
            if (!_tlsDecoded)
            {
                _tlsHello = IsTcp ? TlsHelloParser.ParseFirstHello(TcpPayload.Span, MaxTlsHelloBytes) : null;
                _tlsDecoded = true;
            }

            return _tlsHello;
        }
    }
}
