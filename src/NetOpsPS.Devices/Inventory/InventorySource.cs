using System;
using System.Collections.Generic;

namespace NetOpsPS.Devices.Inventory;

/// <summary>Hosts (in file order), groups and defaults as written, ready for <see cref="InventoryResolver"/>.</summary>
public sealed class InventorySource
{
    /// <summary>Hosts by name, in the order they were given.</summary>
    public IList<KeyValuePair<string, InventoryEntry>> Hosts { get; } = new List<KeyValuePair<string, InventoryEntry>>();

    /// <summary>Groups by name.</summary>
    public IDictionary<string, InventoryEntry> Groups { get; } = new Dictionary<string, InventoryEntry>(StringComparer.Ordinal);

    /// <summary>What every host falls back to last.</summary>
    public InventoryEntry Defaults { get; set; } = new();
}
