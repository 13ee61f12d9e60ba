using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using NetOpsPS.Devices.Netconf;
using NetOpsPS.Devices.Netconf.Internal;

namespace NetOpsPS.Devices.Push.Internal;

/// <summary>
/// A rendered configuration as the &lt;config&gt; of edit-config (RFC 6241 §7.2): a <c>config</c> element,
/// or its content (one or more elements) to wrap. Parsed the engine's one safe way (no DTDs), before any
/// device is contacted, so a template that renders broken XML fails that device without touching it.
/// </summary>
internal static class NetconfConfigText
{
    /// <summary>The config element; <see cref="NetconfException"/> (InvalidArgument) when the text is not XML.</summary>
    public static XElement ToConfigElement(string rendered)
    {
        IReadOnlyList<XElement> roots = SafeXml.ParseFragment(rendered, "the rendered configuration");
        return roots.Count == 1 && roots[0].Name.LocalName == "config"
            ? roots[0]
            : new XElement(XName.Get("config", NetconfNamespaces.Base), roots.Cast<object>().ToArray());
    }
}
