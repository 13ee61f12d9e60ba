using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp;

namespace NetOpsPS.Devices.Exporter;

/// <summary>
/// Reads one target's interface table. The SNMP IF-MIB poller is the production one; the exporter only needs
/// this, so the scheduling, caching and series bookkeeping do not depend on how the numbers are fetched.
/// </summary>
public interface IInterfaceTablePoller
{
    /// <summary>Polls once. Throws on failure; honours <paramref name="cancellationToken"/> (the per-target timeout).</summary>
    Task<SnmpInterfaceTable> PollAsync(CancellationToken cancellationToken);
}
