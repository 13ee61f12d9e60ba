using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>Get-SnmpV3: an SNMPv3 Get with a credential object from New-SnmpCredential.</summary>
[Cmdlet(VerbsCommon.Get, "SnmpV3")]
[OutputType(typeof(SnmpVariable))]
public sealed class GetSnmpV3Command : SnmpCommandBase
{
    private SnmpOid[] _oids = [];

    /// <summary>OIDs, numeric or by built-in name.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] Oid { get; set; } = [];

    /// <summary>The USM user (New-SnmpCredential).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public SnmpCredential? Credential { get; set; }

    /// <summary>GetNext instead of Get.</summary>
    [Parameter]
    public SwitchParameter Next { get; set; }

    /// <summary>A v2c community to fall back to when the v3 read fails (with a warning).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FallbackCommunity { get; set; }

    /// <inheritdoc />
    protected override string? Fallback => FallbackCommunity;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _oids = SnmpOids.Parse(this, Oid);
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override SnmpCredential ResolveCredential() =>
        Credential!.Version == SnmpVersion.V3 ? Credential : throw new ArgumentException("Get-SnmpV3 takes an SNMPv3 user; use Get-Snmp -Community for v1/v2c.");

    /// <inheritdoc />
    protected override Task PollAsync(SnmpClient client, string computerName, Action<object> emit, Action<string> progress, CancellationToken cancellationToken) =>
        SnmpReads.GetAsync(client, computerName, _oids, Next, emit, cancellationToken);
}
