using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetOpsPS.Devices.Inventory;

/// <summary>
/// A device of the inventory with inheritance applied: its own fields, then its groups' (in order,
/// each group before its parents), then the defaults. Holds no secret: <see cref="CredentialName"/>
/// names the credential that the push resolves.
/// </summary>
public sealed class NetDevice
{
    /// <summary>Creates a device.</summary>
    public NetDevice(
        string name,
        string hostname,
        int? port,
        string? platform,
        string? credentialName,
        IReadOnlyList<string> groups,
        IReadOnlyList<string> memberOf,
        IReadOnlyDictionary<string, object?> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Hostname = string.IsNullOrEmpty(hostname) ? name : hostname;
        Port = port;
        Platform = platform;
        CredentialName = credentialName;
        Groups = groups;
        MemberOf = memberOf;
        Data = data;
    }

    /// <summary>The inventory name.</summary>
    public string Name { get; }

    /// <summary>Where to connect; the name when the inventory gives no hostname.</summary>
    public string Hostname { get; }

    /// <summary>The port, or null for the protocol's default.</summary>
    public int? Port { get; }

    /// <summary>The platform, when given.</summary>
    public string? Platform { get; }

    /// <summary>The name of the credential to log in with, when given.</summary>
    public string? CredentialName { get; }

    /// <summary>The groups named on the host itself.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>Every group the host inherits from, nearest first (its groups, then their parents).</summary>
    public IReadOnlyList<string> MemberOf { get; }

    /// <summary>Data with inheritance applied; nested mappings are dictionaries, sequences are lists.</summary>
    public IReadOnlyDictionary<string, object?> Data { get; }

    /// <summary>The port rule of every inventory source and of the push: a TCP port from 1 to 65535.</summary>
    public static bool IsValidPort(int port) => port is >= 1 and <= 65535;

    /// <summary>A port as written in YAML or a CSV cell: decimal digits only (no sign or spaces), and <see cref="IsValidPort"/>.</summary>
    public static bool TryParsePort(string? text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && IsValidPort(port);

    /// <summary>True when the host belongs to <paramref name="group"/> directly or through a parent group.</summary>
    public bool IsMemberOf(string group) => MemberOf.Contains(group, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => Name;
}
