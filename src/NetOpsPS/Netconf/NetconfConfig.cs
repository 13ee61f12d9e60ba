using System;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;

namespace NetOpsPS.Netconf;

/// <summary>A configuration read by Get-NetconfConfig: the &lt;data&gt; element as XML PowerShell can walk ($c.Xml.interfaces.interface).</summary>
public sealed class NetconfConfig
{
    internal NetconfConfig(NetconfSession session, string source, string? filter, XElement data)
    {
        Device = session.Name;
        HostName = session.HostName;
        Source = source;
        Filter = filter;
        Element = data;
        Xml = NetconfXml.ToXmlElement(data);
        RetrievedAt = DateTimeOffset.Now;
    }

    /// <summary>The session's name.</summary>
    public string Device { get; }

    /// <summary>The host.</summary>
    public string HostName { get; }

    /// <summary>running, candidate, startup, or state (get: configuration and state).</summary>
    public string Source { get; }

    /// <summary>The filter, when one was given.</summary>
    public string? Filter { get; }

    /// <summary>The &lt;data&gt; element.</summary>
    public XmlElement Xml { get; }

    /// <summary>The same as an XElement, for Compare-NetconfConfig and scripts that prefer LINQ to XML.</summary>
    public XElement Element { get; }

    /// <summary>Names of the top-level nodes (interfaces, system...).</summary>
    public string TopLevel => string.Join(", ", Element.Elements().Select(e => e.Name.LocalName));

    /// <summary>Indented XML without namespace clutter.</summary>
    public string Text => NetconfXml.ToText(Element);

    /// <summary>When it was read.</summary>
    public DateTimeOffset RetrievedAt { get; }

    /// <inheritdoc />
    public override string ToString() => Element.ToString();
}
