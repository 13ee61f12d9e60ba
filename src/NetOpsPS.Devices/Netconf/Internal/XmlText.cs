using System.Linq;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf.Internal;

/// <summary>XML for people: indented, without the namespace declarations that repeat on every node.</summary>
internal static class XmlText
{
    public static string Indented(XElement element)
    {
        var copy = new XElement(element);
        foreach (XElement e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            e.Name = e.Name.LocalName;
        }

        return copy.ToString(SaveOptions.None).Replace("\r", string.Empty, System.StringComparison.Ordinal);
    }
}
