using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;

namespace NetOpsPS.Internal;

/// <summary>
/// A module-scoped registry of long-lived engine objects (DESIGN.md: never in $global:). Like
/// PowerShell's own job table it is kept per runspace: one runspace does not list another's
/// objects, and when a runspace closes or removes the module, its objects are stopped, so nothing
/// keeps running after the session that started it is gone.
/// </summary>
internal sealed class RunspaceRegistry<T> : IRunspaceRegistry
    where T : class
{
    private static readonly TimeSpan StopAllBound = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<int, T>> _byRunspace = new();
    private readonly Func<T, int> _id;
    private readonly Func<T, string> _name;
    private readonly Func<T, Task> _stop;
    private readonly string _noun;

    /// <param name="noun">What the items are, for error messages ("TCP server").</param>
    /// <param name="notFoundId">The error id of a name or id that matches nothing ("TcpServerNotFound").</param>
    public RunspaceRegistry(string noun, string notFoundId, Func<T, int> id, Func<T, string> name, Func<T, Task> stop)
    {
        _noun = noun;
        NotFoundId = notFoundId;
        _id = id;
        _name = name;
        _stop = stop;
        RunspaceRegistries.Register(this);
    }

    public string NotFoundId { get; }

    public IReadOnlyList<T> All => Items.Values.OrderBy(_id).ToList();

    private ConcurrentDictionary<int, T> Items =>
        _byRunspace.TryGetValue(Current.InstanceId, out ConcurrentDictionary<int, T>? items) ? items : new ConcurrentDictionary<int, T>();

    // Cmdlets run on their runspace's pipeline thread, where DefaultRunspace is that runspace.
    private static Runspace Current => Runspace.DefaultRunspace
        ?? throw new InvalidOperationException("NetOpsPS cmdlets must run in a PowerShell runspace.");

    public void Add(T item)
    {
        Runspace runspace = Current;
        ConcurrentDictionary<int, T> items = _byRunspace.GetOrAdd(runspace.InstanceId, _ =>
        {
            runspace.StateChanged += OnRunspaceStateChanged;
            return new ConcurrentDictionary<int, T>();
        });
        items[_id(item)] = item;
    }

    public bool Remove(T item) => Items.TryRemove(_id(item), out _);

    /// <summary>Stops one item the way the registry stops everything of a closing runspace.</summary>
    public Task StopAsync(T item) => _stop(item);

    public T? Find(int id) => Items.TryGetValue(id, out T? item) ? item : null;

    /// <summary>
    /// The items of this runspace by id, or by name pattern (all when both are null). An id, or a name
    /// without wildcards, that matches nothing is a non-terminating ObjectNotFound error.
    /// </summary>
    public IEnumerable<T> Select(Cmdlet cmdlet, string[]? names, int[]? ids)
    {
        if (ids is not null)
        {
            foreach (int id in ids)
            {
                if (Find(id) is { } item)
                {
                    yield return item;
                }
                else
                {
                    cmdlet.WriteError(ErrorRecords.NotFound(NotFoundId, $"No {_noun} with id {id}.", id));
                }
            }

            yield break;
        }

        IReadOnlyList<T> all = All;
        foreach (string name in names ?? new[] { "*" })
        {
            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
            T[] matches = all.Where(i => pattern.IsMatch(_name(i))).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                cmdlet.WriteError(ErrorRecords.NotFound(NotFoundId, $"No {_noun} named '{name}'.", name));
            }

            foreach (T item in matches)
            {
                yield return item;
            }
        }
    }

    /// <summary>Stops everything of the current runspace; used when the module is removed.</summary>
    public void StopAll()
    {
        if (Runspace.DefaultRunspace is { } runspace)
        {
            StopAll(runspace.InstanceId);
        }
    }

    private void OnRunspaceStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        if (sender is Runspace runspace && e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken)
        {
            runspace.StateChanged -= OnRunspaceStateChanged;
            StopAll(runspace.InstanceId);
        }
    }

    private void StopAll(Guid runspaceId)
    {
        if (_byRunspace.TryRemove(runspaceId, out ConcurrentDictionary<int, T>? items))
        {
            Task.WaitAll(items.Values.Select(_stop).ToArray(), StopAllBound);
        }
    }
}
