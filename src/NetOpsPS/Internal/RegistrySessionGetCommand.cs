using System.Management.Automation;

namespace NetOpsPS.Internal;

/// <summary>
/// <see cref="RegistryGetCommand{T}"/> for sessions, whose Get- cmdlets take Name and Id only as
/// arguments, not from the pipeline (PowerShell binds parameters from the most derived override).
/// </summary>
public abstract class RegistrySessionGetCommand<T> : RegistryGetCommand<T>
    where T : class
{
    /// <summary>Names to match; wildcards allowed. All sessions when omitted.</summary>
    [Parameter(ParameterSetName = ByName, Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public override string[]? Name { get; set; }

    /// <summary>Session ids.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public override int[]? Id { get; set; }
}
