using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>Get-SnmpInterface: IF-MIB ifTable joined with ifXTable, one typed object per interface with 64-bit counters.</summary>
[Cmdlet(VerbsCommon.Get, "SnmpInterface")]
[OutputType(typeof(SnmpInterface))]
public sealed class GetSnmpInterfaceCommand : SnmpVersionedCommandBase
{
    /// <summary>GetBulk max-repetitions for the table walks.</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int MaxRepetitions { get; set; } = 25;

    /// <summary>A v2c community to fall back to when the v3 read fails (with a warning).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FallbackCommunity { get; set; }

    /// <inheritdoc />
    protected override string? Fallback => FallbackCommunity;

    /// <inheritdoc />
    protected override async Task PollAsync(SnmpClient client, string computerName, Action<object> emit, Action<string> progress, CancellationToken cancellationToken)
    {
        var options = new SnmpWalkOptions { MaxRepetitions = MaxRepetitions, GetRootWhenEmpty = false };
        SnmpInterfaceTable table = await SnmpInterfaceReader.ReadAsync(client, options, cancellationToken).ConfigureAwait(false);
        foreach (SnmpInterfaceRow row in table.Rows)
        {
            emit(new SnmpInterface(computerName, client.Target.Port, table, row));
        }
    }
}
