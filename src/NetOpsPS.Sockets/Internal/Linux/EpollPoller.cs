using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace NetOpsPS.Sockets.Internal.Linux;

/// <summary>
/// One epoll instance served by one thread per core: a thread takes a few ready sockets and runs their
/// handlers inline, so a request is read, answered and sent without the hop to the thread pool that
/// every completion of a .NET async socket operation costs (issue 3's ping-pong figures: that hop was
/// about a third of the server's CPU per request).
/// <para>
/// No socket belongs to a thread, so a thread the scheduler preempts delays only the few sockets it
/// holds, not all those it would own; per-thread loops (tried first) had a p99 several times their p50
/// whenever a load driver shared the cores. Interest is either one-shot (EPOLLONESHOT: a ready socket
/// goes to one thread, and its handler re-arms it when done) or edge-triggered (<see cref="RegisterEdgeTriggered"/>:
/// no re-arm call per event, which saves an epoll_ctl per request, but two threads may see the same
/// socket at once and the handler must read until the socket is drained). A handler serialises its own
/// work (its events and what other threads do to it), and must leave the poller (<see cref="Unregister"/>)
/// before its socket is closed, or the descriptor number could be reused by a new socket while an event
/// of the old one is still in a thread's batch.
/// </para>
/// </summary>
internal sealed unsafe class EpollPoller
{
    private const int BatchSize = 8;

    private static readonly Lazy<EpollPoller?> s_shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static long s_faults;

    private readonly int _epoll;
    private readonly ConcurrentDictionary<ulong, Registration> _handlers = new();
    private long _nextToken;

    private EpollPoller(int epoll, int threads)
    {
        _epoll = epoll;
        Threads = threads;
        for (int i = 0; i < threads; i++)
        {
            new Thread(Run) { IsBackground = true, Name = $"NetOpsPS epoll {i}" }.Start();
        }
    }

    /// <summary>The process's poller; null where epoll is not available (not Linux, or no glibc).</summary>
    public static EpollPoller? Shared => s_shared.Value;

    /// <summary>Handler exceptions the threads caught (each is a bug; the thread goes on).</summary>
    public static long Faults => Interlocked.Read(ref s_faults);

    /// <summary>The last handler exception caught, for diagnosis.</summary>
    public static Exception? LastFault { get; private set; }

    /// <summary>Threads waiting on the poller: one per core (at most 16), or NETOPS_EPOLL_THREADS (1 to 64).</summary>
    public int Threads { get; }

    /// <summary>Adds <paramref name="socket"/>, armed once for <paramref name="events"/>; any thread. Returns its token.</summary>
    public ulong Register(Socket socket, IEpollHandler handler, uint events) =>
        Add(socket, new Registration(handler, edgeTriggered: false), events | Epoll.OneShot);

    /// <summary>
    /// Adds <paramref name="socket"/> for EPOLLIN, EPOLLOUT and EPOLLRDHUP, edge-triggered and never re-armed;
    /// any thread. An event means "something changed": the handler reads until a read comes back short
    /// (or, when the event carries EPOLLRDHUP, EPOLLHUP or EPOLLERR, until EAGAIN or the end), and sends until
    /// EAGAIN; new data or new room raises a new event. The handler is still called one event at a time:
    /// events that reach another thread meanwhile are left to the thread already in the handler, which calls
    /// it again with <see cref="Epoll.Unknown"/> (read and send until EAGAIN).
    /// </summary>
    public ulong RegisterEdgeTriggered(Socket socket, IEpollHandler handler) =>
        Add(socket, new Registration(handler, edgeTriggered: true), Epoll.In | Epoll.Out | Epoll.RdHup | Epoll.EdgeTriggered);

    private ulong Add(Socket socket, Registration registration, uint events)
    {
        ulong token = (ulong)Interlocked.Increment(ref _nextToken);
        _handlers[token] = registration;
        if (!Epoll.Control(_epoll, Epoll.CtlAdd, (int)socket.Handle, events, token))
        {
            int errno = Marshal.GetLastPInvokeError();
            _handlers.TryRemove(token, out _);
            throw new SocketException(errno);
        }

        return token;
    }

    /// <summary>Arms <paramref name="socket"/> again, for <paramref name="events"/> (EPOLLIN, EPOLLOUT or both).</summary>
    public void Arm(Socket socket, ulong token, uint events) =>
        Epoll.Control(_epoll, Epoll.CtlMod, (int)socket.Handle, events | Epoll.OneShot, token);

    /// <summary>Removes <paramref name="socket"/>; before it is closed. Events of it still in a batch are dropped.</summary>
    public void Unregister(Socket socket, ulong token)
    {
        if (_handlers.TryRemove(token, out _))
        {
            Epoll.Control(_epoll, Epoll.CtlDel, (int)socket.Handle, 0, token);
        }
    }

    private static EpollPoller? Start()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            int epoll = Epoll.Create(Epoll.CloseOnExec);
            return epoll < 0 ? null : new EpollPoller(epoll, ThreadCount());
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static int ThreadCount() =>
        int.TryParse(Environment.GetEnvironmentVariable("NETOPS_EPOLL_THREADS"), out int wanted) && wanted is >= 1 and <= 64
            ? wanted
            : Math.Clamp(Environment.ProcessorCount, 1, 16);

    private void Run()
    {
        byte* events = (byte*)NativeMemory.Alloc((nuint)(BatchSize * Epoll.EventSize));
        int dataOffset = Epoll.DataOffset;
        var scratch = new EpollScratch();
        while (true)
        {
            int count = Epoll.Wait(_epoll, events, BatchSize, -1);
            if (count < 0)
            {
                // EINTR (a signal) is the only expected failure; anything else would repeat, so back off.
                if (Marshal.GetLastPInvokeError() != Epoll.EINTR)
                {
                    Thread.Sleep(10);
                }

                continue;
            }

            for (int i = 0; i < count; i++)
            {
                byte* evt = events + (i * Epoll.EventSize);
                if (!_handlers.TryGetValue(*(ulong*)(evt + dataOffset), out Registration? registration))
                {
                    continue;
                }

                if (registration.EdgeTriggered)
                {
                    DispatchEdges(registration, *(uint*)evt, scratch);
                }
                else
                {
                    Dispatch(registration.Handler, *(uint*)evt, scratch);
                }
            }
        }
    }

    /// <summary>
    /// One handler call at a time per edge-triggered socket, without blocking a thread: the thread that finds
    /// the socket busy counts its event and moves on; the busy one calls the handler again for all of them.
    /// </summary>
    private static void DispatchEdges(Registration registration, uint events, EpollScratch scratch)
    {
        if (Interlocked.Increment(ref registration.Waiting) != 1)
        {
            return;
        }

        int served = 1;
        while (true)
        {
            Dispatch(registration.Handler, events, scratch);
            int left = Interlocked.Add(ref registration.Waiting, -served);
            if (left == 0)
            {
                return;
            }

            served = left;
            events = Epoll.Unknown;
        }
    }

    private static void Dispatch(IEpollHandler handler, uint events, EpollScratch scratch)
    {
        try
        {
            handler.OnEvents(events, scratch);
        }
        catch (Exception ex)
        {
            LastFault = ex;
            Interlocked.Increment(ref s_faults);
        }
        finally
        {
            scratch.Replies.ResetWrittenCount();
        }
    }
}

/// <summary>A registered socket's handler, and for an edge-triggered one the events waiting for it.</summary>
internal sealed class Registration(IEpollHandler handler, bool edgeTriggered)
{
    public IEpollHandler Handler { get; } = handler;

    public bool EdgeTriggered { get; } = edgeTriggered;

    // Events counted for the handler while a thread is in it (edge-triggered only).
    public int Waiting;
}

/// <summary>Buffers of one poller thread, lent to the handler it is running.</summary>
internal sealed class EpollScratch
{
    /// <summary>Where a handler receives into.</summary>
    public byte[] ReceiveBuffer { get; } = GC.AllocateUninitializedArray<byte>(64 * 1024);

    /// <summary>Where a handler builds its replies; empty when a handler is called.</summary>
    public ArrayBufferWriter<byte> Replies { get; } = new(16 * 1024);
}
