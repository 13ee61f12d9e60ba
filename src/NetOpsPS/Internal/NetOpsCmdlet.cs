using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Internal;

/// <summary>
/// Base of every NetOpsPS cmdlet: one cancellation token per invocation, made when the cmdlet is
/// built, cancelled by Ctrl+C (StopProcessing), disposed with the cmdlet; and the one bridge from
/// the pipeline thread to engine tasks (STYLE.md: PRG FindPSResource.cs).
/// </summary>
public abstract class NetOpsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
    protected CancellationToken Cancellation => _stopping.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the token source.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _stopping.Dispose();
        }

        _disposed = true;
    }

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>
    /// Waits on the pipeline thread for engine work. A Ctrl+C ends the wait at once; the engine
    /// sees the same token. Exceptions come out unwrapped.
    /// </summary>
    protected T Await<T>(Task<T> task)
    {
        Await((Task)task);
        return task.Result;
    }

    /// <summary>Waits for a task without a result; see <see cref="Await{T}(Task{T})"/>.</summary>
    protected void Await(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            task.Wait(Cancellation);
        }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }
}
