using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.DnsTools;

namespace NetOpsPS.DnsTools;

/// <summary>Get-DnsProxy: the proxies this session started, by id or name (wildcards), with their statistics and upstreams.</summary>
[Cmdlet(VerbsCommon.Get, "DnsProxy", DefaultParameterSetName = ByName)]
[OutputType(typeof(DnsProxy))]
public sealed class GetDnsProxyCommand : NetOpsCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";

    /// <summary>Names to match; wildcards allowed. All proxies when omitted.</summary>
    [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Proxy ids.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public int[]? Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (DnsProxy proxy in Registries.DnsProxies.Select(this, Name, Id))
        {
            WriteObject(proxy);
        }
    }
}
