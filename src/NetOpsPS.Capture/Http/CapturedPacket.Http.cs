using NetOpsPS.Capture.Http;

namespace NetOpsPS.Capture;

/// <summary>The HTTP/1.x request layer, decoded on first access.</summary>
public sealed partial class CapturedPacket
{
    private HttpRequestLine? _http;
    private bool _httpDecoded;

    /// <summary>The HTTP/1.x request line and Host, when this TCP segment starts a request (any port).</summary>
    public HttpRequestLine? Http
    {
        get
        {
            if (!_httpDecoded)
            {
                _http = IsTcp ? HttpRequestParser.Parse(Payload.Span) : null;
                _httpDecoded = true;
            }

            return _http;
        }
    }
}
