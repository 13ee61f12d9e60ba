using System.Collections.Generic;
using System.Management.Automation;

namespace NetOpsPS.Internal;

/// <summary>
/// The body of the Stop-/Disconnect-/Remove- cmdlets over a <see cref="RunspaceRegistry{T}"/>: the
/// items piped in (the cmdlet declares that parameter, InputObject or Session) or selected by name
/// (wildcards) or id; each confirmed, stopped, removed from the runspace and, with -PassThru, written.
/// </summary>
public abstract class RegistryStopCommand<T> : RegistryCommand<T>
    where T : class
{
    /// <summary>The parameter set of an InputObject parameter.</summary>
    protected const string ByInputObject = "ByInputObject";

    /// <summary>The parameter set of a Session parameter.</summary>
    protected const string BySession = "BySession";

    /// <summary>Names of items to stop; wildcards allowed.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Ids of items to stop.</summary>
    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public int[]? Id { get; set; }

    /// <summary>Write each stopped item to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The items bound to the cmdlet's own input parameter; null in the ByName and ById sets.</summary>
    protected abstract IEnumerable<T>? Input { get; }

    /// <summary>The ShouldProcess action ("Stop TCP server"); null where the cmdlet does not support ShouldProcess.</summary>
    protected virtual string? Action => null;

    /// <summary>The ShouldProcess target naming an item.</summary>
    protected virtual string Target(T item) => item.ToString() ?? string.Empty;

    /// <summary>
    /// Stops or closes one item on the pipeline thread (through Await, so Ctrl+C ends the wait); by default as the
    /// registry stops it.
    /// </summary>
    protected virtual void Stop(T item) => Await(Registry.StopAsync(item));

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (T item in Input ?? Registry.Select(this, Name, Id))
        {
            if (Action is { } action && !ShouldProcess(Target(item), action))
            {
                continue;
            }

            Stop(item);
            Registry.Remove(item);
            if (PassThru)
            {
                WriteObject(item);
            }
        }
    }
}
