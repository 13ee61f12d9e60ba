namespace NetOpsPS.Internal;

/// <summary>What Remove-Module must release. Kept apart from ModuleInitializer so that type never touches engine types.</summary>
internal static class ModuleShutdown
{
    public static void StopAll() => ServerRegistry.StopAll();
}
