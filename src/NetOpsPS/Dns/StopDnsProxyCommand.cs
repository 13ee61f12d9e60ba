using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.DnsTools;

namespace NetOpsPS.DnsTools;

/// <summary>Stop-DnsProxy: closes the proxy's sockets (queries in flight are abandoned) and removes it from the session.</summary>
[Cmdlet(VerbsLifecycle.Stop, "DnsProxy", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DnsProxy))]
public sealed class StopDnsProxyCommand : RegistryStopCommand<DnsProxy>
{
    /// <summary>Proxies from Start-DnsProxy or Get-DnsProxy.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DnsProxy[]? InputObject { get; set; }

    /// <inheritdoc />
    private protected override RunspaceRegistry<DnsProxy> Registry => Registries.DnsProxies;

    /// <inheritdoc />
    protected override IEnumerable<DnsProxy>? Input => InputObject;

    /// <inheritdoc />
    protected override string Action => "Stop DNS proxy";

    /// <inheritdoc />
    protected override void Stop(DnsProxy proxy)
    {
        WriteVerbose($"Stopping {proxy.Name}: {proxy.Statistics.Queries} queries answered, {proxy.Statistics.CacheHits} from the cache.");
        Await(proxy.StopAsync(Cancellation));
    }
}
