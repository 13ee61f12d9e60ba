using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>Set-Snmp: sets one object on agents (RFC 3416 SetRequest), asking first (ShouldProcess).</summary>
[Cmdlet(VerbsCommon.Set, "Snmp", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(SnmpVariable))]
public sealed class SetSnmpCommand : SnmpVersionedCommandBase
{
    private SnmpVarBind? _varBind;

    /// <summary>The object instance to set (sysContact.0, 1.3.6.1.4.1.99999.6.0).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Oid { get; set; } = string.Empty;

    /// <summary>The SMI type of the value.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    public SnmpType Type { get; set; }

    /// <summary>The value as text: a number, dotted OID or address, TimeTicks in hundredths, a string (0x... for hex bytes).</summary>
    [Parameter(Mandatory = true, Position = 3)]
    [AllowEmptyString]
    public string Value { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        SnmpOid oid = SnmpOids.Parse(this, [Oid])[0];
        try
        {
            _varBind = new SnmpVarBind(oid, SnmpValue.Parse(Type, Value));
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException($"'{Value}' is not a valid {Type}: {ex.Message}", ex), "SnmpInvalidValue", ErrorCategory.InvalidArgument, Value));
        }

        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override bool Approve(string target) =>
        ShouldProcess(target, string.Create(CultureInfo.InvariantCulture, $"Set {_varBind!.Name ?? _varBind.Oid.ToString()} ({Type}) to '{_varBind.Value}'"));

    /// <inheritdoc />
    protected override async Task PollAsync(SnmpClient client, string computerName, Action<object> emit, Action<string> progress, CancellationToken cancellationToken)
    {
        foreach (SnmpVarBind varBind in await client.SetAsync([_varBind!], cancellationToken).ConfigureAwait(false))
        {
            emit(SnmpReads.Variable(client, computerName, varBind));
        }
    }
}
