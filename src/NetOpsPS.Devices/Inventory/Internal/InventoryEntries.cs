using System;
using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace NetOpsPS.Devices.Inventory.Internal;

/// <summary>One host, group or defaults mapping into an <see cref="InventoryEntry"/>, field by field.</summary>
internal static class InventoryEntries
{
    private const string Known = "hostname, port, platform, credential, groups, data";

    public static InventoryEntry Read(YamlNode node, string source, bool allowGroups)
    {
        var entry = new InventoryEntry { Source = source, Line = node.Start.Line };
        if (InventoryYaml.IsNull(node))
        {
            return entry;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw Invalid("an entry must be a mapping of fields (" + Known + ")", source, node);
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            string field = YamlValues.KeyText(pair.Key, source);
            YamlNode value = pair.Value;
            switch (field)
            {
                case "hostname":
                    entry.Hostname = Text(value, field, source);
                    break;
                case "port":
                    entry.Port = Port(value, source);
                    break;
                case "platform":
                    entry.Platform = Text(value, field, source);
                    break;
                case "credential":
                    entry.Credential = Text(value, field, source);
                    break;
                case "groups" when allowGroups:
                    ReadGroups(entry, value, source);
                    break;
                case "data":
                    ReadData(entry, value, source);
                    break;
                case "password" or "username" or "secret" or "connection_options":
                    throw new InventoryException(
                        InventoryError.SecretInInventory,
                        $"'{field}' is not kept in the inventory: name a credential instead (credential: <name>) and supply it when pushing",
                        source, pair.Key.Start.Line, pair.Key.Start.Column);
                default:
                    throw Invalid($"unknown field '{field}' (expected {(allowGroups ? Known : Known.Replace("groups, ", string.Empty, StringComparison.Ordinal))})", source, pair.Key);
            }
        }

        return entry;
    }

    public static int ParsePort(string text, string source, long line) =>
        NetDevice.TryParsePort(text, out int port)
            ? port
            : throw new InventoryException(InventoryError.InvalidField, $"port must be a number from 1 to 65535, not '{text}'", source, line);

    private static int? Port(YamlNode value, string source) =>
        InventoryYaml.IsNull(value) ? null : ParsePort(Text(value, "port", source) ?? string.Empty, source, value.Start.Line);

    private static string? Text(YamlNode value, string field, string source) =>
        value switch
        {
            _ when InventoryYaml.IsNull(value) => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Invalid($"'{field}' must be a single value", source, value),
        };

    private static void ReadGroups(InventoryEntry entry, YamlNode value, string source)
    {
        if (InventoryYaml.IsNull(value))
        {
            return;
        }

        if (value is not YamlSequenceNode sequence)
        {
            throw Invalid("'groups' must be a list of group names", source, value);
        }

        foreach (YamlNode item in sequence.Children)
        {
            entry.Groups.Add(Text(item, "a group name", source) ?? throw Invalid("a group name is empty", source, item));
        }
    }

    private static void ReadData(InventoryEntry entry, YamlNode value, string source)
    {
        if (InventoryYaml.IsNull(value))
        {
            return;
        }

        if (value is not YamlMappingNode)
        {
            throw Invalid("'data' must be a mapping", source, value);
        }

        int budget = YamlValues.MaxNodes;
        var data = (Dictionary<string, object?>)YamlValues.ToValue(value, source, ref budget)!;
        foreach (KeyValuePair<string, object?> item in data)
        {
            entry.Data[item.Key] = item.Value;
        }
    }

    private static InventoryException Invalid(string message, string source, YamlNode at) =>
        new(InventoryError.InvalidField, message, source, at.Start.Line, at.Start.Column);
}
