using System;
using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetOpsPS.Devices.Inventory.Internal;

/// <summary>
/// YAML nodes to plain .NET values for inventory data: mappings become dictionaries, sequences
/// lists, and plain scalars follow the YAML 1.2 core schema (null, true/false, integers, floats);
/// quoted scalars stay strings, so <c>"0123"</c> keeps its zero.
/// </summary>
internal static class YamlValues
{
    // Aliases can make a small file expand exponentially ("billion laughs"); inventories are far smaller.
    internal const int MaxNodes = 100_000;

    public static object? ToValue(YamlNode node, string source, ref int budget)
    {
        if (--budget < 0)
        {
            throw new InventoryException(InventoryError.InvalidField, $"the data has more than {MaxNodes} values (aliases expanding?)", source, node.Start.Line, node.Start.Column);
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
                {
                    map[KeyText(pair.Key, source)] = ToValue(pair.Value, source, ref budget);
                }

                return map;
            case YamlSequenceNode sequence:
                var list = new List<object?>(sequence.Children.Count);
                foreach (YamlNode item in sequence.Children)
                {
                    list.Add(ToValue(item, source, ref budget));
                }

                return list;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new InventoryException(InventoryError.InvalidField, "unsupported YAML node", source, node.Start.Line, node.Start.Column);
        }
    }

    public static string KeyText(YamlNode key, string source) =>
        key is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : throw new InventoryException(InventoryError.InvalidField, "a key must be a non-empty text", source, key.Start.Line, key.Start.Column);

    // YAML 1.2 core schema, §10.3.2 (the tag resolution nornir's ruamel.yaml uses by default).
    public static object? Scalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return text;
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return integer is >= int.MinValue and <= int.MaxValue ? (object)(int)integer : integer;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long hex))
        {
            return hex;
        }

        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
        {
            return real;
        }

        return text;
    }
}
