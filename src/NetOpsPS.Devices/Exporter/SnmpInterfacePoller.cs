using System;
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

    public async Task<SnmpInterfaceTable> PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await SnmpInterfaceReader.ReadAsync(_client, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (SnmpException ex) when (ex.Error == SnmpError.Timeout)
        {
            // The engine's own retries ran out before the exporter's deadline: the same "timeout" to the exporter.
            throw new TimeoutException(ex.Message, ex);
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
