using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Exporter;

namespace NetOpsPS.Devices.Tests.Exporter;

/// <summary>
/// A stand-in poller that returns the samples a test queues, for the bookkeeping no real agent can be made to
/// show on demand (a 32-bit counter wrapping, a 64-bit counter going down). The agent-restart and dead-target
/// behaviour is also tested against real snmpd peers. An empty queue makes the poll hang until its timeout.
/// </summary>
internal sealed class ScriptedPoller : IInterfaceTablePoller
{
    private readonly ConcurrentQueue<InterfaceTableSample> _samples = new();

    public int Polls;

    public void Enqueue(TimeSpan uptime, params InterfaceSample[] interfaces) =>
        _samples.Enqueue(new InterfaceTableSample { AgentUptime = uptime, Interfaces = interfaces });

    public async Task<InterfaceTableSample> PollAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Polls);
        if (_samples.TryDequeue(out InterfaceTableSample? sample))
        {
            return sample;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    public static InterfaceSample Interface(ulong inOctets, int bits = 64, string alias = "uplink") => new()
    {
        Index = 1,
        Name = "eth0",
        Alias = alias,
        CounterBits = bits,
        InOctets = inOctets,
        OutOctets = 7,
        OperStatus = 1,
        AdminStatus = 1,
        SpeedBitsPerSecond = 1_000_000_000,
    };
}
