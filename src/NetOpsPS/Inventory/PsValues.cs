using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace NetOpsPS.Inventory;

/// <summary>
/// PowerShell values to the plain values the engine and Liquid understand: PSObject wrappers
/// removed, hashtables and PSCustomObjects as string-keyed dictionaries, arrays as lists.
/// </summary>
internal static class PsValues
{
    private const int MaxDepth = 32;

    public static object? Plain(object? value) => Plain(value, 0);

    public static Dictionary<string, object?> Dictionary(IDictionary source) => (Dictionary<string, object?>)Plain(source)!;

    private static object? Plain(object? value, int depth)
    {
        if (value is PSObject wrapped)
        {
            if (wrapped.BaseObject is PSCustomObject && depth < MaxDepth)
            {
                var map = new Dictionary<string, object?>(System.StringComparer.Ordinal);
                foreach (PSPropertyInfo property in wrapped.Properties)
                {
                    map[property.Name] = Plain(property.Value, depth + 1);
                }

                return map;
            }

            value = wrapped.BaseObject;
        }

        switch (value)
        {
            case string or null:
                return value;
            case IDictionary dictionary when depth < MaxDepth:
                var result = new Dictionary<string, object?>(System.StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    result[entry.Key.ToString()!] = Plain(entry.Value, depth + 1);
                }

                return result;
            case IEnumerable items when depth < MaxDepth:
                var list = new List<object?>();
                foreach (object? item in items)
                {
                    list.Add(Plain(item, depth + 1));
                }

                return list;
            default:
                return value;
        }
    }
}
