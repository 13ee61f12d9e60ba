using System.Text;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>One difference: a node added or removed (with its whole subtree), or a leaf whose value changed.</summary>
public sealed class NetconfDiffEntry
{
    /// <summary>Added, Removed or Changed.</summary>
    public required NetconfDiffKind Kind { get; init; }

    /// <summary>Where, as an XPath-like path with list keys: /interfaces/interface[name='eth0']/description.</summary>
    public required string Path { get; init; }

    /// <summary>The old leaf value (Removed and Changed leaves), or null for a subtree.</summary>
    public string? OldValue { get; init; }

    /// <summary>The new leaf value (Added and Changed leaves), or null for a subtree.</summary>
    public string? NewValue { get; init; }

    /// <summary>The node in the old configuration (Removed, Changed).</summary>
    public XElement? OldElement { get; init; }

    /// <summary>The node in the new configuration (Added, Changed).</summary>
    public XElement? NewElement { get; init; }

    /// <summary>The YANG namespace of the node.</summary>
    public string Namespace => (NewElement ?? OldElement)?.Name.NamespaceName ?? string.Empty;

    /// <summary>One line for a leaf, the line and the subtree's XML for a container or list entry.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        switch (Kind)
        {
            case NetconfDiffKind.Changed:
                sb.Append("~ ").Append(Path).Append(": '").Append(OldValue).Append("' -> '").Append(NewValue).Append('\'');
                break;
            case NetconfDiffKind.Added:
                Describe(sb.Append("+ ").Append(Path), NewValue, NewElement, '+');
                break;
            default:
                Describe(sb.Append("- ").Append(Path), OldValue, OldElement, '-');
                break;
        }

        return sb.ToString();
    }

    private static void Describe(StringBuilder sb, string? value, XElement? element, char mark)
    {
        if (value is not null)
        {
            sb.Append(" = '").Append(value).Append('\'');
            return;
        }

        if (element is null)
        {
            return;
        }

        foreach (string line in Internal.XmlText.Indented(element).Split('\n'))
        {
            sb.Append('\n').Append(mark).Append("     ").Append(line);
        }
    }
}
