using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Exporter;

/// <summary>
/// Polls one agent's IF-MIB interface table (sysUpTime, ifTable, ifXTable) with the SNMP engine. One client per
/// target, kept between polls, so an SNMPv3 target discovers its engine and localises its keys once.
/// </summary>
public sealed class SnmpInterfacePoller : IInterfaceTablePoller, IAsyncDisposable
{
    private readonly SnmpClient _client;

    public SnmpInterfacePoller(SnmpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        _client = new SnmpClient(target);
    }

    public SnmpTarget Target { get; }

    public async Task<InterfaceTableSample> PollAsync(CancellationToken cancellationToken)
    {
        SnmpInterfaceTable table;
        try
        {
            table = await SnmpInterfaceReader.ReadAsync(_client, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (SnmpException ex) when (ex.Error == SnmpError.Timeout)
        {
            // The engine's own retries ran out before the exporter's deadline: the same "timeout" to the exporter.
            throw new TimeoutException(ex.Message, ex);
        }

        return new InterfaceTableSample
        {
            AgentUptime = table.SysUpTime,
            Interfaces = table.Rows.Select(Sample).ToArray(),
        };
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private static InterfaceSample Sample(SnmpInterfaceRow row) => new()
    {
        Index = row.Index,
        Name = row.Name,
        Alias = row.Alias,
        CounterBits = row.HighCapacityCounters ? 64 : 32,
        InOctets = row.InOctets,
        OutOctets = row.OutOctets,
        InPackets = row.InUnicastPackets + row.InMulticastPackets + row.InBroadcastPackets,
        OutPackets = row.OutUnicastPackets + row.OutMulticastPackets + row.OutBroadcastPackets,
        InErrors = row.InErrors,
        OutErrors = row.OutErrors,
        InDiscards = row.InDiscards,
        OutDiscards = row.OutDiscards,
        OperStatus = (int)row.OperStatus,
        AdminStatus = (int)row.AdminStatus,
        SpeedBitsPerSecond = row.Speed,
    };
}
