using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf.Internal;

namespace NetOpsPS.Devices.Netconf;

/// <summary>Turns user-given XML (text, XmlNode, XElement) into elements, with DTDs and entities refused.</summary>
public static class NetconfXml
{
    /// <summary>One or more top elements from XML text.</summary>
    public static IReadOnlyList<XElement> Parse(string xml, string what = "the XML") => SafeXml.ParseFragment(xml, what);

    /// <summary>
    /// A configuration as one element: a &lt;config&gt; or &lt;data&gt; wrapper as given, a single top element, or
    /// several top elements inside a &lt;config&gt; (RFC 6241 §7.2).
    /// </summary>
    public static XElement ToConfig(object input, string what = "the configuration")
    {
        IReadOnlyList<XElement> elements = input switch
        {
            XElement element => [element],
            XDocument document when document.Root is not null => [document.Root],
            XmlDocument document when document.DocumentElement is not null => Parse(document.DocumentElement.OuterXml, what),
            XmlNode node => Parse(node.OuterXml, what),
            string text => Parse(text, what),
            IEnumerable<XElement> many => many.ToList(),
            null => throw new NetconfException(NetconfError.InvalidArgument, $"{what} is empty."),
            _ => throw new NetconfException(NetconfError.InvalidArgument, $"{what} must be XML text, an XmlDocument or XmlElement, or an XElement; not {input.GetType().Name}."),
        };
        return elements.Count == 1 ? elements[0] : new XElement(XName.Get("config", NetconfNamespaces.Base), elements);
    }

    /// <summary>An XmlElement for PowerShell's XML adapter ($x.interfaces.interface.name), loaded without a DTD.</summary>
    public static XmlElement ToXmlElement(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var document = new XmlDocument { XmlResolver = null };
        using XmlReader reader = element.CreateReader();
        document.Load(reader);
        return document.DocumentElement!;
    }

    /// <summary>Indented XML without repeated namespace declarations, for people.</summary>
    public static string ToText(XElement element) => Internal.XmlText.Indented(element ?? throw new ArgumentNullException(nameof(element)));
}
