using System;
using System.Management.Automation;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>SNMP cmdlets that speak any version: a community for v1/v2c, a credential object for v3.</summary>
public abstract class SnmpVersionedCommandBase : SnmpCommandBase
{
    /// <summary>V1, V2c or V3; V3 when -Credential is given, else V2c.</summary>
    [Parameter]
    public SnmpVersion? Version { get; set; }

    /// <summary>The v1/v2c community.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Community { get; set; } = "public";

    /// <summary>A v3 USM user from New-SnmpCredential.</summary>
    [Parameter]
    public SnmpCredential? Credential { get; set; }

    /// <inheritdoc />
    protected override SnmpCredential ResolveCredential()
    {
        SnmpVersion version = Version ?? (Credential is not null ? SnmpVersion.V3 : SnmpVersion.V2c);
        if (version == SnmpVersion.V3)
        {
            return Credential ?? throw new ArgumentException("-Version V3 needs -Credential (see New-SnmpCredential).");
        }

        if (Credential is not null)
        {
            throw new ArgumentException($"-Credential is an SNMPv3 user; -Version {version} uses -Community.");
        }

        return SnmpCredential.Community(Community, version);
    }
}
