namespace NetOpsPS.Internal;

/// <summary>
/// What the cmdlets over one <see cref="RunspaceRegistry{T}"/> share: their registry and the names of the
/// parameter sets that select from it (see <see cref="RegistryGetCommand{T}"/>, <see cref="RegistryStopCommand{T}"/>).
/// </summary>
public abstract class RegistryCommand<T> : NetOpsCmdlet
    where T : class
{
    /// <summary>The parameter set selecting items by name (wildcards).</summary>
    protected const string ByName = "ByName";

    /// <summary>The parameter set selecting items by id.</summary>
    protected const string ById = "ById";

    /// <summary>The registry the cmdlet selects from.</summary>
    private protected abstract RunspaceRegistry<T> Registry { get; }
}
