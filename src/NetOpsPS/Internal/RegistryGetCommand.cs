using System.Management.Automation;

namespace NetOpsPS.Internal;

/// <summary>
/// The body of the Get- cmdlets over a <see cref="RunspaceRegistry{T}"/>: the items of this runspace
/// by name (wildcards) or id, written as they are. Name and Id bind from the pipeline, by value or
/// by property name, so a name list or objects with an Id can be piped in.
/// </summary>
public abstract class RegistryGetCommand<T> : RegistryCommand<T>
    where T : class
{
    /// <summary>Names to match; wildcards allowed. All items when omitted.</summary>
    [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public virtual string[]? Name { get; set; }

    /// <summary>Item ids.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public virtual int[]? Id { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (T item in Registry.Select(this, Name, Id))
        {
            WriteObject(item);
        }
    }
}
