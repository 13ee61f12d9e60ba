using System.Management.Automation;
using NetOpsPS.Internal;

namespace NetOpsPS;

/// <summary>Called by PowerShell when a runspace removes the module: stops what that runspace still runs.</summary>
public sealed class ModuleCleanup : IModuleAssemblyCleanup
{
    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo) => ModuleShutdown.StopAll();
}
