using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace NetOpsPS.Devices.Netconf;

/// <summary>
/// What differs between two configurations (running and candidate, before and after): added and removed subtrees and
/// changed leaves, each with a path that names list entries by their keys. Without the YANG schema the keys are
/// found as RFC 7950 §7.8.5 places them: a list entry's key leafs are its first child elements, so the first leaf
/// names the entry. Leaf-list entries are named by their value. Sibling order is not a difference.
/// </summary>
public sealed class NetconfConfigDiff
{
    private NetconfConfigDiff(string referenceName, string differenceName, IReadOnlyList<NetconfDiffEntry> entries)
    {
        ReferenceName = referenceName;
        DifferenceName = differenceName;
        Entries = entries;
    }

    /// <summary>The old side (running).</summary>
    public string ReferenceName { get; }

    /// <summary>The new side (candidate).</summary>
    public string DifferenceName { get; }

    /// <summary>Every difference, in document order.</summary>
    public IReadOnlyList<NetconfDiffEntry> Entries { get; }

    /// <summary>True when the two differ.</summary>
    public bool HasChanges => Entries.Count > 0;

    /// <summary>Subtrees and leaves added.</summary>
    public int Added => Entries.Count(e => e.Kind == NetconfDiffKind.Added);

    /// <summary>Subtrees and leaves removed.</summary>
    public int Removed => Entries.Count(e => e.Kind == NetconfDiffKind.Removed);

    /// <summary>Leaves changed.</summary>
    public int Changed => Entries.Count(e => e.Kind == NetconfDiffKind.Changed);

    /// <summary>"2 added, 0 removed, 1 changed" or "no changes".</summary>
    public string Summary => HasChanges ? $"{Added} added, {Removed} removed, {Changed} changed" : "no changes";

    /// <summary>
    /// Compares two configurations: &lt;data&gt; or &lt;config&gt; wrappers (their children are compared) or top elements.
    /// </summary>
    public static NetconfConfigDiff Compare(XElement reference, XElement difference, string referenceName = "before", string differenceName = "after")
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(difference);
        var entries = new List<NetconfDiffEntry>();
        CompareChildren(Children(reference), Children(difference), string.Empty, entries);
        return new NetconfConfigDiff(referenceName, differenceName, entries);
    }

    /// <summary>No differences: what a change shows before there is anything to compare.</summary>
    public static NetconfConfigDiff Empty(string referenceName = "before", string differenceName = "after") =>
        new(referenceName, differenceName, []);

    /// <summary>A unified, readable listing: "--- running", "+++ candidate", then one entry per line (subtrees indented).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder().Append("--- ").Append(ReferenceName).Append('\n').Append("+++ ").Append(DifferenceName);
        foreach (NetconfDiffEntry entry in Entries)
        {
            sb.Append('\n').Append(entry);
        }

        if (!HasChanges)
        {
            sb.Append("\n(no changes)");
        }

        return sb.ToString();
    }

    private static IEnumerable<XElement> Children(XElement root) =>
        root.Name.LocalName is "data" or "config" && root.Name.NamespaceName is NetconfNamespaces.Base or ""
            ? root.Elements()
            : [root];

    private static void CompareChildren(IEnumerable<XElement> before, IEnumerable<XElement> after, string path, List<NetconfDiffEntry> entries)
    {
        var oldList = before.ToList();
        var newList = after.ToList();
        HashSet<XName> repeated = RepeatedNames(oldList);
        repeated.UnionWith(RepeatedNames(newList));
        var old = KeyedList(oldList, repeated);
        var now = KeyedList(newList, repeated);
        var oldByKey = old.ToDictionary(i => i.Key, i => i.Element);
        var nowByKey = now.ToDictionary(i => i.Key, i => i.Element);
        foreach (var (key, element) in old)
        {
            string here = path + "/" + key.Display;
            if (!nowByKey.TryGetValue(key, out XElement? other))
            {
                entries.Add(new NetconfDiffEntry
                {
                    Kind = NetconfDiffKind.Removed,
                    Path = here,
                    OldElement = element,
                    OldValue = element.HasElements ? null : element.Value,
                });
            }
            else if (!element.HasElements && !other.HasElements)
            {
                if (element.Value.Trim() != other.Value.Trim())
                {
                    entries.Add(new NetconfDiffEntry
                    {
                        Kind = NetconfDiffKind.Changed,
                        Path = here,
                        OldElement = element,
                        NewElement = other,
                        OldValue = element.Value,
                        NewValue = other.Value,
                    });
                }
            }
            else
            {
                CompareChildren(element.Elements(), other.Elements(), here, entries);
            }
        }

        foreach (var (key, element) in now)
        {
            if (!oldByKey.ContainsKey(key))
            {
                entries.Add(new NetconfDiffEntry
                {
                    Kind = NetconfDiffKind.Added,
                    Path = path + "/" + key.Display,
                    NewElement = element,
                    NewValue = element.HasElements ? null : element.Value,
                });
            }
        }
    }

    // A name that occurs more than once among siblings on either side is a list (or leaf-list) there.
    private static HashSet<XName> RepeatedNames(List<XElement> siblings) =>
        siblings.GroupBy(e => e.Name).Where(g => g.Skip(1).Any()).Select(g => g.Key).ToHashSet();

    // In document order, so entries come out in document order.
    private static List<(NodeKey Key, XElement Element)> KeyedList(List<XElement> siblings, HashSet<XName> repeatedNames)
    {
        var list = new List<(NodeKey, XElement)>();
        var seen = new Dictionary<NodeKey, int>();
        foreach (XElement e in siblings)
        {
            bool repeated = repeatedNames.Contains(e.Name);
            string predicate = string.Empty;
            if (e.HasElements && e.Elements().First() is { HasElements: false } firstLeaf && (repeated || LooksLikeKey(firstLeaf.Name.LocalName)))
            {
                predicate = $"[{firstLeaf.Name.LocalName}='{firstLeaf.Value.Trim()}']";
            }
            else if (!e.HasElements && repeated)
            {
                predicate = $"[.='{e.Value.Trim()}']";
            }

            var key = new NodeKey(e.Name, e.Name.LocalName + predicate);
            int count = seen.TryGetValue(key, out int n) ? n + 1 : 1;
            seen[key] = count;
            list.Add((count == 1 ? key : key with { Display = $"{key.Display}[{count}]" }, e));
        }

        return list;
    }

    // A list with one entry on both sides is still a list when its first leaf is named as keys usually are.
    private static bool LooksLikeKey(string name) =>
        name is "name" or "id" or "index" or "key" || name.EndsWith("-id", StringComparison.Ordinal) || name.EndsWith("-name", StringComparison.Ordinal);

    private sealed record NodeKey(XName Name, string Display);
}
