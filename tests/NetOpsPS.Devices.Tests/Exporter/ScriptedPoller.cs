using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>
/// A stand-in poller that returns the samples a test queues, for the bookkeeping no real agent can be made to
/// show on demand (a 32-bit counter wrapping, a 64-bit counter going down). The agent-restart and dead-target
/// behaviour is also tested against real snmpd peers. An empty queue makes the poll hang until its timeout.
/// </summary>
internal sealed class ScriptedPoller : IInterfaceTablePoller
{
    private readonly ConcurrentQueue<SnmpInterfaceTable> _samples = new();

    public int Polls;

    public void Enqueue(TimeSpan uptime, params SnmpInterfaceRow[] interfaces) =>
        _samples.Enqueue(new SnmpInterfaceTable("scripted", uptime, interfaces));

    public async Task<SnmpInterfaceTable> PollAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Polls);
        if (_samples.TryDequeue(out SnmpInterfaceTable? sample))
        {
            return sample;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    public static SnmpInterfaceRow Interface(ulong inOctets, int bits = 64, string alias = "uplink") => new()
    {
        Index = 1,
        Name = "eth0",
        Alias = alias,
        HighCapacityCounters = bits == 64,
        InOctets = inOctets,
        OutOctets = 7,
        OperStatus = SnmpInterfaceStatus.Up,
        AdminStatus = SnmpInterfaceStatus.Up,
        Speed = 1_000_000_000,
    };
}
