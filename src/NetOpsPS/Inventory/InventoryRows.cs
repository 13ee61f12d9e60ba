using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using NetOpsPS.Devices.Inventory;

namespace NetOpsPS.Inventory;

/// <summary>Pipeline objects (CSV rows, hashtables, devices) to inventory entries, and the data filter.</summary>
internal static class InventoryRows
{
    private const string Source = "pipeline object";

    // Fields of the entry itself; every other property is data. MemberOf is derived, never input.
    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "Hostname", "Port", "Platform", "Credential", "CredentialName", "Groups", "Data", "MemberOf",
    };

    private static readonly char[] GroupSeparators = [';', ',', ' '];

    public static (string Name, InventoryEntry Entry) ToEntry(PSObject row, int index)
    {
        string? name = Text(Value(row, "Name"));
        if (string.IsNullOrEmpty(name))
        {
            throw new InventoryException(InventoryError.InvalidField, $"object {index} has no Name", Source);
        }

        var entry = new InventoryEntry
        {
            Source = Source,
            Hostname = Text(Value(row, "Hostname")),
            Platform = Text(Value(row, "Platform")),
            Credential = Text(Value(row, "CredentialName")) ?? Text(Value(row, "Credential") is string c ? c : null),
        };
        if (Text(Value(row, "Port")) is { } port)
        {
            entry.Port = NetDevice.TryParsePort(port, out int p)
                ? p
                : throw new InventoryException(InventoryError.InvalidField, $"object {index} ('{name}'): Port must be a number from 1 to 65535, not '{port}'", Source);
        }

        foreach (string group in Groups(Value(row, "Groups")))
        {
            entry.Groups.Add(group);
        }

        if (Value(row, "Data") is IDictionary data)
        {
            foreach (DictionaryEntry item in data)
            {
                entry.Data[item.Key.ToString()!] = PsValues.Plain(item.Value);
            }
        }

        foreach (PSPropertyInfo property in row.Properties)
        {
            if (!Fields.Contains(property.Name) && PsValues.Plain(SafeValue(property)) is { } value && value is not "")
            {
                entry.Data[property.Name] = value;
            }
        }

        return (name, entry);
    }

    /// <summary>Every pair must match the device's data: text, case-insensitive, wildcards allowed.</summary>
    public static bool DataMatches(NetDevice device, IDictionary filter)
    {
        foreach (DictionaryEntry pair in filter)
        {
            if (!device.Data.TryGetValue(pair.Key.ToString()!, out object? actual))
            {
                return false;
            }

            string wanted = Convert.ToString(PsValues.Plain(pair.Value), CultureInfo.InvariantCulture) ?? string.Empty;
            string have = Convert.ToString(actual, CultureInfo.InvariantCulture) ?? string.Empty;
            if (!new WildcardPattern(wanted, WildcardOptions.IgnoreCase).IsMatch(have))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Groups(object? value) =>
        PsValues.Plain(value) switch
        {
            null => [],
            string text => text.Split(GroupSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            IEnumerable items => items.Cast<object?>().Select(i => Text(PsValues.Plain(i))).OfType<string>(),
            object other => [other.ToString()!],
        };

    private static object? Value(PSObject row, string name)
    {
        if (row.BaseObject is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (string.Equals(entry.Key.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value;
                }
            }

            return null;
        }

        return row.Properties[name] is { } property ? SafeValue(property) : null;
    }

    // A property whose getter throws is not data.
    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    // CSV cells are empty strings when unset; empty means "inherit", as a missing YAML field does.
    private static string? Text(object? value) => PsValues.Plain(value) is { } v && v.ToString() is { Length: > 0 } text ? text : null;
}
