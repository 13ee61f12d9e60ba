using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Snmp;

/// <summary>Invoke-SnmpWalk: every varbind under an OID, GetBulk on v2c/v3 and GetNext on v1, streamed as it comes.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "SnmpWalk")]
[OutputType(typeof(SnmpVariable))]
public sealed class InvokeSnmpWalkCommand : SnmpVersionedCommandBase
{
    private SnmpOid _root = SnmpOid.Parse("1.3.6.1.2.1");

    /// <summary>The subtree to walk; mib-2 (1.3.6.1.2.1) by default, as net-snmp's snmpwalk.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Oid { get; set; } = "1.3.6.1.2.1";

    /// <summary>GetBulk max-repetitions: rows per request (net-snmp -Cr).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int MaxRepetitions { get; set; } = 10;

    /// <summary>GetBulk requests in flight at once, each range of the subtree on its own socket (1: sequential).</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int Parallelism { get; set; } = 1;

    /// <summary>Walk with GetNext even on v2c/v3.</summary>
    [Parameter]
    public SwitchParameter UseGetNext { get; set; }

    /// <summary>Do not fail on OIDs that do not increase (net-snmp -Cc); -MaxCount then bounds the walk.</summary>
    [Parameter]
    public SwitchParameter NoIncreasingCheck { get; set; }

    /// <summary>Stop after this many varbinds per agent (0: no limit).</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MaxCount { get; set; }

    /// <summary>A v2c community to fall back to when a v3 walk fails before its first result (with a warning).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? FallbackCommunity { get; set; }

    /// <inheritdoc />
    protected override string? Fallback => FallbackCommunity;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        _root = SnmpOids.Parse(this, [Oid])[0];
        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override async Task PollAsync(SnmpClient client, string computerName, Action<object> emit, Action<string> progress, CancellationToken cancellationToken)
    {
        var options = new SnmpWalkOptions
        {
            MaxRepetitions = MaxRepetitions,
            UseGetBulk = !UseGetNext,
            CheckIncreasing = !NoIncreasingCheck,
            MaxVarBinds = MaxCount,
            Parallelism = Parallelism,
        };
        int count = 0;
        await foreach (SnmpVarBind varBind in client.WalkAsync(_root, options, cancellationToken).ConfigureAwait(false))
        {
            emit(SnmpReads.Variable(client, computerName, varBind));
            if (++count % 500 == 0)
            {
                progress($"{count} varbinds, at {varBind.Oid}");
            }
        }
    }
}
