namespace NetOpsPS.Internal;

/// <summary>What Remove-Module must release (ModuleCleanup calls it).</summary>
internal static class ModuleShutdown
{
    public static void StopAll()
    {
        Registries.Sessions.StopAll();
        Registries.Servers.StopAll();
    }
}
