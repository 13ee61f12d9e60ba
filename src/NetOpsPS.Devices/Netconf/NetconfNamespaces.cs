namespace NetOpsPS.Devices.Netconf;

/// <summary>XML namespaces and capability URIs of RFC 6241.</summary>
public static class NetconfNamespaces
{
    /// <summary>The NETCONF base namespace (RFC 6241 §3.1).</summary>
    public const string Base = "urn:ietf:params:xml:ns:netconf:base:1.0";

    /// <summary>base:1.0: end-of-message framing.</summary>
    public const string Base10 = "urn:ietf:params:netconf:base:1.0";

    /// <summary>base:1.1: chunked framing (RFC 6242 §4.2).</summary>
    public const string Base11 = "urn:ietf:params:netconf:base:1.1";

    /// <summary>Prefix of the RFC 6241 capability URIs (:candidate, :validate...).</summary>
    public const string CapabilityPrefix = "urn:ietf:params:netconf:capability:";
}
