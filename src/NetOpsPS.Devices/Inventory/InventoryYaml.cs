using System;
using System.Collections.Generic;
using System.IO;
using NetOpsPS.Devices.Inventory.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetOpsPS.Devices.Inventory;

/// <summary>
/// Reads nornir SimpleInventory YAML: <c>hosts.yaml</c>, <c>groups.yaml</c> and <c>defaults.yaml</c>,
/// or one file with top-level <c>hosts</c>, <c>groups</c> and <c>defaults</c>. Every error names the
/// file and line.
/// </summary>
public static class InventoryYaml
{
    private static readonly string[] Sections = ["hosts", "groups", "defaults"];

    /// <summary>
    /// Loads a folder holding hosts.yaml (and optionally groups.yaml, defaults.yaml), or a single file:
    /// either a hosts file or a combined file with hosts/groups/defaults sections. Explicit group and
    /// defaults files override what the folder or combined file gives.
    /// </summary>
    public static InventorySource Load(string path, string? groupsPath = null, string? defaultsPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        InventorySource source;
        if (Directory.Exists(path))
        {
            source = new InventorySource();
            ReadHosts(source, Read(Path.Combine(path, "hosts.yaml")), Path.Combine(path, "hosts.yaml"));
            groupsPath ??= Existing(Path.Combine(path, "groups.yaml"));
            defaultsPath ??= Existing(Path.Combine(path, "defaults.yaml"));
        }
        else
        {
            source = Parse(Read(path), path);
        }

        AddGroupsAndDefaults(source, groupsPath, defaultsPath);
        return source;
    }

    /// <summary>Reads groups and defaults files into <paramref name="source"/> (either may be null).</summary>
    public static void AddGroupsAndDefaults(InventorySource source, string? groupsPath, string? defaultsPath)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (groupsPath is not null)
        {
            source.Groups.Clear();
            ReadGroups(source, Root(Read(groupsPath), groupsPath), groupsPath);
        }

        if (defaultsPath is not null)
        {
            source.Defaults = ReadDefaults(Root(Read(defaultsPath), defaultsPath), defaultsPath);
        }
    }

    /// <summary>Parses a hosts file, or a combined file when its only top-level keys are hosts/groups/defaults.</summary>
    public static InventorySource Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var source = new InventorySource();
        YamlMappingNode? root = Root(yaml, sourceName);
        if (root is not null && root.Children.Count > 0 && IsCombined(root))
        {
            ReadHostsNode(source, Section(root, "hosts", sourceName), sourceName);
            ReadGroups(source, Section(root, "groups", sourceName), sourceName);
            if (Section(root, "defaults", sourceName) is { } defaults)
            {
                source.Defaults = ReadDefaults(defaults, sourceName);
            }
        }
        else
        {
            ReadHostsNode(source, root, sourceName);
        }

        return source;
    }

    private static bool IsCombined(YamlMappingNode root)
    {
        bool hasHosts = false;
        foreach (YamlNode key in root.Children.Keys)
        {
            string? name = (key as YamlScalarNode)?.Value;
            if (Array.IndexOf(Sections, name) < 0)
            {
                return false;
            }

            hasHosts |= name == "hosts";
        }

        return hasHosts;
    }

    private static void ReadHosts(InventorySource source, string yaml, string sourceName) =>
        ReadHostsNode(source, Root(yaml, sourceName), sourceName);

    private static void ReadHostsNode(InventorySource source, YamlMappingNode? hosts, string sourceName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, YamlNode node) in Entries(hosts, sourceName))
        {
            // YamlDotNet refuses a repeated key, but keeps 'r1' and '!!str r1' apart: the same host name.
            if (!seen.Add(name))
            {
                throw new InventoryException(InventoryError.DuplicateHost, $"host '{name}' is defined twice", sourceName, node.Start.Line, node.Start.Column);
            }

            source.Hosts.Add(new(name, InventoryEntries.Read(node, sourceName, allowGroups: true)));
        }
    }

    private static void ReadGroups(InventorySource source, YamlMappingNode? groups, string sourceName)
    {
        foreach ((string name, YamlNode node) in Entries(groups, sourceName))
        {
            source.Groups[name] = InventoryEntries.Read(node, sourceName, allowGroups: true);
        }
    }

    private static InventoryEntry ReadDefaults(YamlMappingNode? node, string sourceName) =>
        node is null ? new InventoryEntry { Source = sourceName } : InventoryEntries.Read(node, sourceName, allowGroups: false);

    private static IEnumerable<(string Name, YamlNode Node)> Entries(YamlMappingNode? mapping, string sourceName)
    {
        if (mapping is null)
        {
            yield break;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            yield return (YamlValues.KeyText(pair.Key, sourceName), pair.Value);
        }
    }

    private static YamlMappingNode? Section(YamlMappingNode root, string name, string sourceName)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? node) || IsNull(node))
        {
            return null;
        }

        return node as YamlMappingNode
            ?? throw new InventoryException(InventoryError.InvalidField, $"'{name}' must be a mapping", sourceName, node.Start.Line, node.Start.Column);
    }

    private static YamlMappingNode? Root(string yaml, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            string reason = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            throw new InventoryException(InventoryError.YamlSyntax, reason, sourceName, ex.Start.Line, ex.Start.Column, ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet 16.3 fails this way (no position) on some unclosed flow collections.
            Mark last = LastParsedPosition(yaml);
            throw new InventoryException(InventoryError.YamlSyntax, "malformed YAML after this point (an unclosed '[', '{' or quote?)", sourceName, last.Line, last.Column, ex);
        }
        catch (ArgumentException ex)
        {
            // YamlDotNet reports a repeated key of one mapping as an ArgumentException without a position.
            throw new InventoryException(InventoryError.YamlSyntax, "a key is repeated in one mapping: " + ex.Message, sourceName, innerException: ex);
        }

        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            YamlNode second = stream.Documents[1].RootNode;
            throw new InventoryException(InventoryError.YamlSyntax, "only one YAML document is allowed", sourceName, second.Start.Line, second.Start.Column);
        }

        YamlNode root = stream.Documents[0].RootNode;
        return root as YamlMappingNode
            ?? throw new InventoryException(InventoryError.InvalidField, "the file must be a mapping of names to entries", sourceName, root.Start.Line, root.Start.Column);
    }

    private static Mark LastParsedPosition(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                last = parser.Current!.Start;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or YamlException)
        {
            // The position reached is the answer.
        }

        return last;
    }

    internal static bool IsNull(YamlNode node) => node is YamlScalarNode scalar && scalar.Style == ScalarStyle.Plain && YamlValues.Scalar(scalar) is null;

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InventoryException(InventoryError.InvalidInventory, "cannot read the file: " + ex.Message, path, innerException: ex);
        }
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
