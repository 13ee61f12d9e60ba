namespace NetOpsPS.Capture.Http;

/// <summary>An HTTP/1.x request line and its Host header (RFC 9112 §3, RFC 9110 §7.2).</summary>
public sealed record HttpRequestLine(string Method, string Target, string Version, string? Host)
{
    /// <inheritdoc />
    public override string ToString() => $"{Method} {Target} {Version}";
}
