using System;
using System.Collections.Generic;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Discovery;

/// <summary>
/// An agent a sweep found: what its system group says, which credential it answered, and how fast. Shaped like
/// an inventory device (Name, Hostname, Port, Platform, Groups, Data) so it can feed what takes inventory
/// objects, and it names its credential without holding anything secret in text.
/// </summary>
public sealed class SnmpDevice
{
    internal SnmpDevice(string address, SnmpTarget target, int credentialIndex, TimeSpan responseTime, SystemGroup system)
    {
        Address = address;
        Port = target.Port;
        Target = target.ToString();
        Credential = target.Credential;
        CredentialIndex = credentialIndex;
        ResponseTime = responseTime;
        SysName = system.Name;
        SysDescr = system.Descr;
        SysObjectId = system.ObjectId;
        SysUpTime = system.UpTime;
        SysLocation = system.Location;
        Platform = Platforms.FromSysObjectId(SysObjectId);
        Data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sysName"] = SysName,
            ["sysDescr"] = SysDescr,
            ["sysObjectID"] = SysObjectId,
            ["sysLocation"] = SysLocation,
            ["snmp_version"] = Version.ToString().ToLowerInvariant(),
            ["snmp_port"] = Port,
            ["snmp_credential_index"] = CredentialIndex,
        };
    }

    /// <summary>The address (or name) that was probed.</summary>
    public string Address { get; }

    /// <summary>The agent's UDP port.</summary>
    public int Port { get; }

    /// <summary>"address:port", IPv6 in brackets: the exporter's target label and the SD target.</summary>
    public string Target { get; }

    /// <summary>sysName.0; empty when the agent has none.</summary>
    public string SysName { get; }

    /// <summary>sysDescr.0.</summary>
    public string SysDescr { get; }

    /// <summary>sysObjectID.0 in dotted form with a leading dot, as the SNMP engine prints OIDs: the vendor's model identification.</summary>
    public string SysObjectId { get; }

    /// <summary>sysUpTime.0: how long the agent has been running.</summary>
    public TimeSpan SysUpTime { get; }

    /// <summary>sysLocation.0; empty when unset.</summary>
    public string SysLocation { get; }

    /// <summary>The credential that got an answer (its text names no secret).</summary>
    public SnmpCredential Credential { get; }

    /// <summary>Its position in the credentials given to the sweep, from 0.</summary>
    public int CredentialIndex { get; }

    public SnmpVersion Version => Credential.Version;

    /// <summary>Round trip of the system-group request that succeeded.</summary>
    public TimeSpan ResponseTime { get; }

    /// <summary>Inventory name: sysName, or the address when the agent has no sysName.</summary>
    public string Name => SysName.Length > 0 ? SysName : Address;

    /// <summary>Inventory hostname: where to connect.</summary>
    public string Hostname => Address;

    /// <summary>Inventory platform guessed from the sysObjectID enterprise (cisco, junos, eos, net-snmp...), or null.</summary>
    public string? Platform { get; }

    /// <summary>Inventory groups: "snmp" and "snmp-" plus the version.</summary>
    public IReadOnlyList<string> Groups => ["snmp", "snmp-" + Version.ToString().ToLowerInvariant()];

    /// <summary>Inventory data: sysName, sysDescr, sysObjectID, sysLocation, snmp_version, snmp_port, snmp_credential_index.</summary>
    public IReadOnlyDictionary<string, object?> Data { get; }

    public override string ToString() => $"{Target} {Name}";
}
