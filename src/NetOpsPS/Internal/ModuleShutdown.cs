namespace NetOpsPS.Internal;

/// <summary>What Remove-Module must release (ModuleCleanup calls it): everything in every registry of the runspace.</summary>
internal static class ModuleShutdown
{
    public static void StopAll()
    {
        // Registries are static fields of Registries: touching the class creates (and so registers) them all.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Registries).TypeHandle);
        foreach (IRunspaceRegistry registry in RunspaceRegistries.NewestFirst())
        {
            registry.StopAll();
        }
    }
}
