using System.Linq;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>One &lt;rpc-error&gt; (RFC 6241 §4.3), with its fields as the server sent them.</summary>
public sealed class NetconfRpcError
{
    /// <summary>error-type: transport, rpc, protocol or application.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>error-tag: invalid-value, lock-denied, data-missing, operation-failed... (RFC 6241 Appendix A).</summary>
    public string Tag { get; init; } = string.Empty;

    /// <summary>error-severity: error or warning.</summary>
    public string Severity { get; init; } = "error";

    /// <summary>error-app-tag, when the server gives one.</summary>
    public string? AppTag { get; init; }

    /// <summary>error-path: the XPath of the offending node, when given.</summary>
    public string? Path { get; init; }

    /// <summary>error-message, when given.</summary>
    public string? Message { get; init; }

    /// <summary>error-info as text (bad-element, session-id of a lock holder...), when given.</summary>
    public string? Info { get; init; }

    /// <summary>The &lt;rpc-error&gt; element itself.</summary>
    public XElement? Element { get; init; }

    /// <summary>True for severity error (warnings do not fail an operation).</summary>
    public bool IsError => Severity != "warning";

    /// <summary>Reads an &lt;rpc-error&gt; element.</summary>
    public static NetconfRpcError Parse(XElement element)
    {
        XNamespace nc = NetconfNamespaces.Base;
        string? Field(string name) => element.Element(nc + name)?.Value.Trim() is { Length: > 0 } v ? v : null;
        XElement? info = element.Element(nc + "error-info");
        string? infoText = info is null ? null : string.Join(", ", info.Elements().Select(e => $"{e.Name.LocalName}={e.Value.Trim()}"));
        return new NetconfRpcError
        {
            Type = Field("error-type") ?? string.Empty,
            Tag = Field("error-tag") ?? string.Empty,
            Severity = Field("error-severity") ?? "error",
            AppTag = Field("error-app-tag"),
            Path = Field("error-path"),
            Message = Field("error-message"),
            Info = string.IsNullOrEmpty(infoText) ? null : infoText,
            Element = element,
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Severity} {Type}/{Tag}" + (Path is null ? string.Empty : $" at {Path}") + (Message is null ? string.Empty : $": {Message}") +
        (Info is null ? string.Empty : $" ({Info})");
}
