using System.Management.Automation;
using NetOpsPS.Internal;
using NetOpsPS.Sockets.DnsTools;

namespace NetOpsPS.DnsTools;

/// <summary>Get-DnsProxy: the proxies this session started, by id or name (wildcards), with their statistics and upstreams.</summary>
[Cmdlet(VerbsCommon.Get, "DnsProxy", DefaultParameterSetName = ByName)]
[OutputType(typeof(DnsProxy))]
public sealed class GetDnsProxyCommand : RegistryGetCommand<DnsProxy>
{
    /// <inheritdoc />
    private protected override RunspaceRegistry<DnsProxy> Registry => Registries.DnsProxies;
}
