using System.Management.Automation;
using NetOpsPS.Internal;

namespace NetOpsPS.Udp;

/// <summary>
/// Remove-Module stops the UDP servers the runspace still runs. PowerShell calls every
/// IModuleAssemblyCleanup of the assembly, so the UDP area registers its own without touching the
/// shared ModuleShutdown.
/// </summary>
public sealed class UdpModuleCleanup : IModuleAssemblyCleanup
{
    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo) => Registries.UdpServers.StopAll();
}
