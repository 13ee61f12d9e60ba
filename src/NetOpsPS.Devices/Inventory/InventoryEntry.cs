using System.Collections.Generic;

namespace NetOpsPS.Devices.Inventory;

/// <summary>
/// One host, group or the defaults as written, before inheritance: every field optional, as in
/// nornir's SimpleInventory (hostname, port, platform, groups, data), with <c>credential</c> naming
/// a credential the caller supplies at push time instead of nornir's username/password.
/// </summary>
public sealed class InventoryEntry
{
    /// <summary>Address or DNS name to connect to.</summary>
    public string? Hostname { get; set; }

    /// <summary>NETCONF/SSH port.</summary>
    public int? Port { get; set; }

    /// <summary>Platform name, as nornir uses it (junos, iosxr, netconfd...).</summary>
    public string? Platform { get; set; }

    /// <summary>Name of the credential to use; resolved by the caller, never a secret.</summary>
    public string? Credential { get; set; }

    /// <summary>Groups this entry belongs to, in priority order (defaults have none).</summary>
    public IList<string> Groups { get; } = new List<string>();

    /// <summary>Free data; keys are case-sensitive, as in YAML and Liquid.</summary>
    public IDictionary<string, object?> Data { get; } = new Dictionary<string, object?>(System.StringComparer.Ordinal);

    /// <summary>Where the entry came from, for errors ("hosts.yaml" and a line).</summary>
    public string? Source { get; set; }

    /// <summary>1-based line of the entry in <see cref="Source"/>; 0 when it has none (pipeline objects).</summary>
    public long Line { get; set; }
}
