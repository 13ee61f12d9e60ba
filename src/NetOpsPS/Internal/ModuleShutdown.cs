namespace NetOpsPS.Internal;

/// <summary>What Remove-Module must release (ModuleCleanup calls it): everything in every registry of the runspace.</summary>
internal static class ModuleShutdown
{
    public static void StopAll()
    {
        foreach (IRunspaceRegistry registry in RunspaceRegistries.NewestFirst())
        {
            registry.StopAll();
        }
    }
}
