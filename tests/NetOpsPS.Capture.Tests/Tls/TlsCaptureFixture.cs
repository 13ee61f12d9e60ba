using System;
using NetOpsPS.TestSupport.Peers;

namespace NetOpsPS.Capture.Tests.Tls;

/// <summary>One run of tests/peers/tls/run-tls-capture.sh (four openssl handshakes on lo) shared by a test class.</summary>
public sealed class TlsCaptureFixture : IDisposable
{
    private readonly Lazy<Peer> _capture = new(() => Peer.RunTlsCapture());

    /// <summary>TLS 1.3 SNI+ALPN h2,http/1.1; TLS 1.2 SNI+ALPN http/1.1; TLS 1.2 SNI alt+ALPN; TLS 1.3 no SNI, ALPN http/1.1.</summary>
    public string PcapPath => _capture.Value.PcapPath;

    public int Port => _capture.Value.Port;

    public void Dispose()
    {
        if (_capture.IsValueCreated)
        {
            _capture.Value.Dispose();
        }
    }
}
