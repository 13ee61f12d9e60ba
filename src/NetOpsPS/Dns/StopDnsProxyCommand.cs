using System.Collections.Generic;
using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.DnsTools;

namespace NetOpsPS.DnsTools;

/// <summary>Stop-DnsProxy: closes the proxy's sockets (queries in flight are abandoned) and removes it from the session.</summary>
[Cmdlet(VerbsLifecycle.Stop, "DnsProxy", DefaultParameterSetName = ByInputObject, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DnsProxy))]
public sealed class StopDnsProxyCommand : NetOpsCmdlet
{
    private const string ByInputObject = "ByInputObject";
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Proxies from Start-DnsProxy or Get-DnsProxy.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DnsProxy[]? InputObject { get; set; }

    /// <summary>Names of proxies to stop; wildcards allowed.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Ids of proxies to stop.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public int[]? Id { get; set; }

    /// <summary>Write each stopped proxy to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        IEnumerable<DnsProxy> proxies = InputObject ?? Registries.DnsProxies.Select(this, Name, Id);
        foreach (DnsProxy proxy in proxies)
        {
            if (!ShouldProcess(proxy.ToString(), "Stop DNS proxy"))
            {
                continue;
            }

            WriteVerbose($"Stopping {proxy.Name}: {proxy.Statistics.Queries} queries answered, {proxy.Statistics.CacheHits} from the cache.");
            Await(proxy.StopAsync(Cancellation));
            Registries.DnsProxies.Remove(proxy);
            if (PassThru)
            {
                WriteObject(proxy);
            }
        }
    }
}
