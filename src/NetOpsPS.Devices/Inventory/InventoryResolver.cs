using System;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Devices.Inventory;

/// <summary>
/// Applies inheritance as nornir's SimpleInventory does: a field or top-level data key comes from
/// the host, else from its groups in the order listed (each group before its own parent groups,
/// recursively), else from the defaults. Nested data is not merged key by key: the nearest holder
/// of a top-level key gives the whole value, as nornir's <c>host[key]</c> does.
/// </summary>
public static class InventoryResolver
{
    /// <summary>Resolves every host of <paramref name="source"/>, in order.</summary>
    public static IReadOnlyList<NetDevice> Resolve(InventorySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var devices = new List<NetDevice>(source.Hosts.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string name, InventoryEntry host) in source.Hosts)
        {
            if (!seen.Add(name))
            {
                throw new InventoryException(InventoryError.DuplicateHost, $"host '{name}' is defined twice", host.Source, host.Line);
            }

            devices.Add(Resolve(name, host, source));
        }

        return devices;
    }

    private static NetDevice Resolve(string name, InventoryEntry host, InventorySource source)
    {
        var memberOf = new List<string>();
        foreach (string group in host.Groups)
        {
            Visit(group, host, source, memberOf, new Stack<string>());
        }

        List<InventoryEntry> chain = [host, .. memberOf.Select(g => source.Groups[g]), source.Defaults];
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (InventoryEntry entry in chain)
        {
            foreach (KeyValuePair<string, object?> item in entry.Data)
            {
                data.TryAdd(item.Key, item.Value);
            }
        }

        return new NetDevice(
            name,
            chain.Select(e => e.Hostname).FirstOrDefault(h => !string.IsNullOrEmpty(h)) ?? name,
            chain.Select(e => e.Port).FirstOrDefault(p => p is not null),
            chain.Select(e => e.Platform).FirstOrDefault(p => p is not null),
            chain.Select(e => e.Credential).FirstOrDefault(c => c is not null),
            host.Groups.ToArray(),
            memberOf.ToArray(),
            data);
    }

    private static void Visit(string group, InventoryEntry referrer, InventorySource source, List<string> memberOf, Stack<string> path)
    {
        if (path.Contains(group, StringComparer.Ordinal))
        {
            string circle = string.Join(" -> ", path.Reverse().Append(group));
            throw new InventoryException(InventoryError.GroupCycle, $"groups form a cycle: {circle}", referrer.Source, referrer.Line);
        }

        if (!source.Groups.TryGetValue(group, out InventoryEntry? entry))
        {
            throw new InventoryException(InventoryError.UnknownGroup, $"group '{group}' is not defined", referrer.Source, referrer.Line);
        }

        if (!memberOf.Contains(group, StringComparer.Ordinal))
        {
            memberOf.Add(group);
        }

        path.Push(group);
        foreach (string parent in entry.Groups)
        {
            Visit(parent, entry, source, memberOf, path);
        }

        path.Pop();
    }
}
