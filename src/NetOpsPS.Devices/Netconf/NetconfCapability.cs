using System;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>
/// One capability URI from a hello: an RFC 6241 capability (:candidate, :confirmed-commit:1.1...) or a YANG
/// module announcement (RFC 6020 §5.6.4: namespace?module=name&amp;revision=date&amp;features=a,b&amp;deviations=c).
/// </summary>
public sealed class NetconfCapability
{
    private NetconfCapability(string uri) => Uri = uri;

    /// <summary>The URI as announced.</summary>
    public string Uri { get; }

    /// <summary>Short name: ":candidate", ":base:1.1", or the YANG module name.</summary>
    public string Name { get; private init; } = string.Empty;

    /// <summary>Version of an RFC capability (1.0, 1.1), or the module revision.</summary>
    public string? Version { get; private init; }

    /// <summary>YANG module name, for module announcements.</summary>
    public string? Module { get; private init; }

    /// <summary>Module revision date.</summary>
    public string? Revision { get; private init; }

    /// <summary>Module features the server supports.</summary>
    public IReadOnlyList<string> Features { get; private init; } = [];

    /// <summary>Modules that deviate this one.</summary>
    public IReadOnlyList<string> Deviations { get; private init; } = [];

    /// <summary>The URI's namespace without query, for modules.</summary>
    public string Namespace => Uri.Split('?')[0];

    /// <summary>Reads a capability URI.</summary>
    public static NetconfCapability Parse(string uri)
    {
        uri = (uri ?? throw new ArgumentNullException(nameof(uri))).Trim();
        if (uri.StartsWith(NetconfNamespaces.CapabilityPrefix, StringComparison.Ordinal) || uri.StartsWith("urn:ietf:params:netconf:base:", StringComparison.Ordinal))
        {
            string rest = uri.StartsWith(NetconfNamespaces.CapabilityPrefix, StringComparison.Ordinal)
                ? uri[NetconfNamespaces.CapabilityPrefix.Length..]
                : "base:" + uri["urn:ietf:params:netconf:base:".Length..];
            string core = rest.Split('?')[0];
            int colon = core.LastIndexOf(':');
            return new NetconfCapability(uri)
            {
                Name = ":" + (colon > 0 && core.StartsWith("base:", StringComparison.Ordinal) ? core : colon > 0 ? core[..colon] : core),
                Version = colon > 0 ? core[(colon + 1)..] : null,
            };
        }

        var query = ParseQuery(uri);
        if (query.TryGetValue("module", out string? module))
        {
            query.TryGetValue("revision", out string? revision);
            return new NetconfCapability(uri)
            {
                Name = module,
                Module = module,
                Revision = revision,
                Version = revision,
                Features = Split(query, "features"),
                Deviations = Split(query, "deviations"),
            };
        }

        return new NetconfCapability(uri) { Name = uri };
    }

    /// <inheritdoc />
    public override string ToString() => Uri;

    private static Dictionary<string, string> ParseQuery(string uri)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        int q = uri.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return result;
        }

        foreach (string pair in uri[(q + 1)..].Replace("&amp;", "&", StringComparison.Ordinal).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                result[pair[..eq]] = System.Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return result;
    }

    private static string[] Split(Dictionary<string, string> query, string key) =>
        query.TryGetValue(key, out string? value) ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
