using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Push.Internal;

/// <summary>
/// A rendered configuration as the &lt;config&gt; element of edit-config (RFC 6241 §7.2): either
/// already a <c>config</c> element in the base namespace, or its content (one or more elements)
/// to wrap. Checked as well-formed XML before any device is contacted; DTDs are refused.
/// </summary>
internal static class NetconfConfigText
{
    public const string BaseNamespace = "urn:ietf:params:xml:ns:netconf:base:1.0";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        ConformanceLevel = ConformanceLevel.Fragment,
        IgnoreComments = true,
        MaxCharactersInDocument = 64 * 1024 * 1024,
    };

    /// <summary>The &lt;config&gt; element text; FormatException with the line when the text is not XML.</summary>
    public static string ToConfigElement(string rendered)
    {
        XElement[] roots;
        try
        {
            using var reader = XmlReader.Create(new StringReader(rendered), Settings);
            roots = ReadRoots(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"The rendered configuration is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", ex);
        }

        if (roots.Length == 0)
        {
            throw new FormatException("The rendered configuration holds no XML element.");
        }

        if (roots.Length == 1 && roots[0].Name == XName.Get("config", BaseNamespace))
        {
            return roots[0].ToString(SaveOptions.DisableFormatting);
        }

        return new XElement(XName.Get("config", BaseNamespace), roots.Cast<object>().ToArray()).ToString(SaveOptions.DisableFormatting);
    }

    private static XElement[] ReadRoots(XmlReader reader)
    {
        var roots = new System.Collections.Generic.List<XElement>();
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                roots.Add((XElement)XNode.ReadFrom(reader));
            }
            else if (reader.NodeType == XmlNodeType.Text && !string.IsNullOrWhiteSpace(reader.Value))
            {
                throw new XmlException($"Text outside any element: '{reader.Value.Trim()}'.", null, ((IXmlLineInfo)reader).LineNumber, ((IXmlLineInfo)reader).LinePosition);
            }
            else
            {
                reader.Read();
            }
        }

        return roots.ToArray();
    }
}
