using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>Get-Snmp: Get (or GetNext) of OIDs from agents of any SNMP version, many agents at once.</summary>
[Cmdlet(VerbsCommon.Get, "Snmp")]
[OutputType(typeof(SnmpVariable))]
public sealed class GetSnmpCommand : SnmpVersionedCommandBase
{
    private SnmpOid[] _oids = [];

    /// <summary>OIDs, numeric (1.3.6.1.2.1.1.5.0) or by built-in name (sysName.0).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] Oid { get; set; } = [];

    /// <summary>GetNext instead of Get: the OID that follows each one.</summary>
    [Parameter]
    public SwitchParameter Next { get; set; }

    /// <summary>A v2c community to fall back to when a v3 read fails (with a warning).</summary>
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
    protected override Task PollAsync(SnmpClient client, string computerName, Action<object> emit, Action<string> progress, CancellationToken cancellationToken) =>
        SnmpReads.GetAsync(client, computerName, _oids, Next, emit, cancellationToken);
}
