using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Internal;

/// <summary>
/// Runs per-item engine work in parallel, at most <c>throttleLimit</c> at once, while results and
/// errors flow back to the pipeline thread, which alone may call WriteObject/WriteError
/// (STYLE.md: resolve on the pipeline thread, work in parallel, write on the pipeline thread).
/// Results stream as items finish instead of waiting for the whole batch.
/// </summary>
internal sealed class PipelineBridge : IDisposable
{
    private readonly BlockingCollection<Action<Cmdlet>> _outbox = new();
    private readonly SemaphoreSlim _slots;
    private readonly CancellationToken _stopping;
    private int _pending;

    public PipelineBridge(int throttleLimit, CancellationToken stopping)
    {
        _slots = new SemaphoreSlim(Math.Max(1, throttleLimit));
        _stopping = stopping;
    }

    /// <summary>
    /// Starts <paramref name="work"/> when a slot is free; while waiting for one, writes what
    /// finished work has produced. <paramref name="work"/> reports through <see cref="Post"/>.
    /// </summary>
    public void Start(Cmdlet cmdlet, Func<CancellationToken, Task> work, Func<Exception, ErrorRecord> onFault)
    {
        while (!_slots.Wait(0))
        {
            WriteNext(cmdlet);
        }

        Interlocked.Increment(ref _pending);
        _ = Task.Run(async () =>
        {
            try
            {
                await work(_stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Ctrl+C: the pipeline is going away; nothing to report.
            }
#pragma warning disable CA1031 // Any engine fault of one item becomes that item's ErrorRecord.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ErrorRecord record = onFault(ex);
                Post(c => c.WriteError(record));
            }
            finally
            {
                try
                {
                    _slots.Release();
                }
                catch (ObjectDisposedException)
                {
                    // Ctrl+C: the cmdlet disposed the bridge while this item was still winding down.
                }

                Interlocked.Decrement(ref _pending);
                Post(static _ => { });
            }
        });
    }

    /// <summary>Queues output for the pipeline thread. Callable from any thread.</summary>
    public void Post(Action<Cmdlet> write)
    {
        try
        {
            _outbox.Add(write);
        }
        catch (ObjectDisposedException)
        {
            // The pipeline was stopped and the bridge disposed: nobody is left to write to.
        }
    }

    /// <summary>An engine's progress, reaching the pipeline thread as the progress records <paramref name="record"/> makes. Callable from any thread.</summary>
    public IProgress<T> Progress<T>(Func<T, ProgressRecord> record) => new PostedProgress<T>(this, record);

    /// <summary>Writes whatever is queued now, without waiting.</summary>
    public void WriteAvailable(Cmdlet cmdlet)
    {
        while (_outbox.TryTake(out Action<Cmdlet>? write))
        {
            write(cmdlet);
        }
    }

    /// <summary>Writes results as they come until every started item has finished.</summary>
    public void WriteUntilDone(Cmdlet cmdlet)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            WriteNext(cmdlet);
        }

        WriteAvailable(cmdlet);
    }

    public void Dispose()
    {
        _outbox.Dispose();
        _slots.Dispose();
    }

    private void WriteNext(Cmdlet cmdlet)
    {
        Action<Cmdlet> write;
        try
        {
            write = _outbox.Take(_stopping);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        write(cmdlet);
    }

    private sealed class PostedProgress<T>(PipelineBridge bridge, Func<T, ProgressRecord> record) : IProgress<T>
    {
        public void Report(T value)
        {
            ProgressRecord progress = record(value);
            bridge.Post(c => c.WriteProgress(progress));
        }
    }
}
