using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp.Internal;

namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// A walk with several GetBulk requests in flight (<see cref="SnmpWalkOptions.Parallelism"/>). A walk is a chain (each
/// request starts where the last answer ended), so the subtree is cut into ranges, each walked on its own socket.
/// A walker with an idle peer splits its range at the next sibling of its position at the shallowest depth that still
/// lies inside it (work stealing), so the work spreads without knowing the MIB. Results come out in OID order, as a
/// sequential walk gives them. The agent sees the same GetBulk requests, a few at a time instead of one.
/// </summary>
public sealed partial class SnmpClient
{
    private async IAsyncEnumerable<SnmpVarBind> ParallelWalkAsync(
        SnmpOid root, SnmpWalkOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ranges = new List<WalkRange> { new(root, null) };
        var signal = new SemaphoreSlim(0);
        var work = new SemaphoreSlim(0);
        var firstPage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gate = new object();
        Exception? failure = null;
        int idle = 0;
        var lanes = new List<SnmpClient>();
        var workers = new List<Task>();
        SnmpOid? last = null;
        int count = 0;
        try
        {
            for (int i = 0; i < options.Parallelism; i++)
            {
                // The first lane is this client: it discovers the engine before the others copy its state.
                SnmpClient lane = i == 0 ? this : CreateLane();
                if (i > 0)
                {
                    lanes.Add(lane);
                }

                workers.Add(Task.Run(() => WorkAsync(lane), stop.Token));
                if (i == 0)
                {
                    // Let the first request (and v3 discovery) finish on this client before the lanes start.
                    await firstPage.Task.WaitAsync(stop.Token).ConfigureAwait(false);
                    lock (gate)
                    {
                        if (failure is not null || ranges.All(r => r.Done))
                        {
                            break;
                        }
                    }
                }
            }

            int head = 0, consumed = 0;
            while (true)
            {
                SnmpVarBind? next = null;
                bool finished = false;
                lock (gate)
                {
                    if (failure is not null)
                    {
                        break;
                    }

                    WalkRange range = ranges[head];
                    if (consumed < range.Results.Count)
                    {
                        next = range.Results[consumed++];
                    }
                    else if (range.Done)
                    {
                        if (head + 1 < ranges.Count)
                        {
                            // Consumed and finished: its results are the caller's now.
                            range.Results.Clear();
                            head++;
                            consumed = 0;
                            continue;
                        }

                        finished = true;
                    }
                }

                if (finished)
                {
                    break;
                }

                if (next is null)
                {
                    await signal.WaitAsync(stop.Token).ConfigureAwait(false);
                    continue;
                }

                yield return next;
                last = next.Oid;
                if (options.MaxVarBinds > 0 && ++count >= options.MaxVarBinds)
                {
                    yield break;
                }
            }

            if (failure is not null)
            {
                throw failure is SnmpException { Error: SnmpError.Timeout } timeout
                    ? WalkTimeout(root, $"; the last OID reached in order was {last ?? root}", last ?? root, timeout)
                    : failure;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The walk ended or was stopped: the workers were cancelled on purpose.
            }

            foreach (SnmpClient lane in lanes)
            {
                lane.Dispose();
            }

            signal.Dispose();
            work.Dispose();
        }

        async Task WorkAsync(SnmpClient lane)
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    WalkRange? range;
                    lock (gate)
                    {
                        range = ranges.FirstOrDefault(r => !r.Taken && !r.Done);
                        if (range is null)
                        {
                            if (ranges.All(r => r.Done))
                            {
                                signal.Release();
                                work.Release();
                                return;
                            }

                            idle++;
                        }
                        else
                        {
                            range.Taken = true;
                        }
                    }

                    if (range is null)
                    {
                        // Wait for a walker to split off work for us, or for the end.
                        await work.WaitAsync(stop.Token).ConfigureAwait(false);
                        lock (gate)
                        {
                            idle--;
                        }

                        continue;
                    }

                    await WalkRangeAsync(lane, range).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Ended by the consumer.
            }
#pragma warning disable CA1031 // A walker's failure is handed to the consumer, which rethrows it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                lock (gate)
                {
                    failure ??= ex;
                }

                signal.Release();
                work.Release(options.Parallelism);
                firstPage.TrySetResult();
            }
        }

        async Task WalkRangeAsync(SnmpClient lane, WalkRange range)
        {
            while (true)
            {
                SnmpOid from;
                lock (gate)
                {
                    from = range.Position;
                }

                IReadOnlyList<SnmpVarBind> page = await lane.GetBulkAsync(0, Math.Max(1, options.MaxRepetitions), [from], stop.Token).ConfigureAwait(false);
                lock (gate)
                {
                    bool done = page.Count == 0;
                    foreach (SnmpVarBind varBind in page)
                    {
                        if (varBind.Type == SnmpType.EndOfMibView || !varBind.Oid.StartsWith(root) || (range.End is not null && varBind.Oid.CompareTo(range.End) > 0))
                        {
                            done = true;
                            break;
                        }

                        if (options.CheckIncreasing && varBind.Oid.CompareTo(range.Position) <= 0)
                        {
                            throw OidNotIncreasing(varBind.Oid, range.Position);
                        }

                        range.Results.Add(varBind);
                        range.Position = varBind.Oid;
                    }

                    if (done)
                    {
                        range.Done = true;
                        // Idle walkers look again: the walk may be over.
                        work.Release(options.Parallelism);
                    }
                    else if (idle > 0 && range.SplitPoint(root) is { } boundary)
                    {
                        // Hand (boundary, End] to an idle walker; keep (Position, boundary].
                        ranges.Insert(ranges.IndexOf(range) + 1, new WalkRange(boundary, range.End));
                        range.End = boundary;
                        work.Release();
                    }
                }

                firstPage.TrySetResult();
                signal.Release();
                if (range.Done)
                {
                    return;
                }
            }
        }
    }
}
