using System.Collections.Generic;

namespace NetOpsPS.Internal;

/// <summary>What every registry offers Remove-Module.</summary>
internal interface IRunspaceRegistry
{
    /// <summary>Stops what the current runspace still holds in this registry.</summary>
    void StopAll();
}

/// <summary>
/// Every registry the module made, so Remove-Module stops them all without a list that each new area
/// must remember to extend.
/// </summary>
internal static class RunspaceRegistries
{
    private static readonly List<IRunspaceRegistry> Created = [];

    public static void Register(IRunspaceRegistry registry)
    {
        lock (Created)
        {
            Created.Add(registry);
        }
    }

    /// <summary>Newest first: clients and sessions (declared after the servers they may use) stop before servers.</summary>
    public static IReadOnlyList<IRunspaceRegistry> NewestFirst()
    {
        lock (Created)
        {
            var copy = new List<IRunspaceRegistry>(Created);
            copy.Reverse();
            return copy;
        }
    }
}
