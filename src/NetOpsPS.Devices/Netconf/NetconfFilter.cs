using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>A get/get-config filter (RFC 6241 §6 subtree, or §8.9 XPath with the :xpath capability).</summary>
public sealed class NetconfFilter
{
    private NetconfFilter(IReadOnlyList<XElement>? subtree, string? select, IReadOnlyDictionary<string, string>? namespaces)
    {
        Subtree = subtree;
        Select = select;
        Namespaces = namespaces ?? new Dictionary<string, string>();
    }

    /// <summary>Subtree filter elements; null for XPath.</summary>
    public IReadOnlyList<XElement>? Subtree { get; }

    /// <summary>The XPath expression; null for subtree.</summary>
    public string? Select { get; }

    /// <summary>Prefix to namespace for the XPath expression.</summary>
    public IReadOnlyDictionary<string, string> Namespaces { get; }

    /// <summary>True for an XPath filter.</summary>
    public bool IsXPath => Select is not null;

    /// <summary>A subtree filter from one or more top elements (with their namespaces).</summary>
    public static NetconfFilter FromSubtree(params XElement[] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Length == 0)
        {
            throw new NetconfException(NetconfError.InvalidArgument, "A subtree filter needs at least one element.");
        }

        return new NetconfFilter(elements.Select(e => new XElement(e)).ToList(), null, null);
    }

    /// <summary>A subtree filter from XML text: one element, several, or a &lt;filter&gt; wrapper.</summary>
    public static NetconfFilter FromSubtree(string xml) => FromSubtree(Internal.SafeXml.ParseFragment(xml, "the subtree filter").ToArray());

    /// <summary>An XPath filter; prefixes used in the expression must be in <paramref name="namespaces"/>.</summary>
    public static NetconfFilter FromXPath(string select, IReadOnlyDictionary<string, string>? namespaces = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(select);
        return new NetconfFilter(null, select, namespaces);
    }

    internal XElement ToElement()
    {
        XNamespace nc = NetconfNamespaces.Base;
        if (Select is null)
        {
            return new XElement(nc + "filter", new XAttribute("type", "subtree"), Subtree!.Select(e => new XElement(e)));
        }

        return new XElement(
            nc + "filter",
            new XAttribute("type", "xpath"),
            new XAttribute("select", Select),
            Namespaces.Select(p => new XAttribute(XNamespace.Xmlns + p.Key, p.Value)));
    }

    /// <inheritdoc />
    public override string ToString() => Select ?? string.Join(string.Empty, Subtree!.Select(e => e.ToString(SaveOptions.DisableFormatting)));
}
