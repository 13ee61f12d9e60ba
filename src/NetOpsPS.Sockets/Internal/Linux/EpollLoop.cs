using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace NetOpsPS.Sockets.Internal.Linux;

/// <summary>
/// One thread that waits in epoll_wait for many sockets and runs their handlers inline: a request
/// is read, answered and sent on this thread, without the hop to the thread pool that every
/// completion of a .NET async socket operation costs (issue 3's ping-pong figures: that hop was
/// about a third of the server's CPU per request). Interest is level-triggered, so a handler
/// reads once per event and a busy connection cannot starve the others.
/// <para>
/// Everything that touches a registration runs on the loop's thread: other threads
/// <see cref="Post"/> work, which wakes the loop through an eventfd. A socket must be
/// unregistered (on the loop) before it is closed, or its descriptor number could be reused by a
/// new socket while the old registration's events are still in a batch.
/// </para>
/// </summary>
internal sealed unsafe class EpollLoop
{
    private const ulong WakeToken = 0;
    private const int BatchSize = 256;

    private static readonly Lazy<EpollLoop[]?> s_loops = new(StartAll, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int s_next;
    private static long s_faults;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly ConcurrentQueue<Action> _posted = new();
    private readonly Dictionary<ulong, IEpollHandler> _handlers = new();
    private readonly Thread _thread;
    private int _wakePending;
    private ulong _nextToken = WakeToken;

    private EpollLoop(int epoll, int wake, int index)
    {
        _epoll = epoll;
        _wake = wake;
        _thread = new Thread(Run) { IsBackground = true, Name = $"NetOpsPS epoll {index}" };
        _thread.Start();
    }

    /// <summary>True on Linux when epoll could be opened; otherwise servers use async socket operations.</summary>
    public static bool IsSupported => s_loops.Value is not null;

    /// <summary>Handler exceptions the loops caught (each is a bug; the loop goes on).</summary>
    public static long Faults => Interlocked.Read(ref s_faults);

    /// <summary>The last handler exception a loop caught, for diagnosis.</summary>
    public static Exception? LastFault { get; private set; }

    /// <summary>Bytes a handler may use as its receive buffer during <see cref="IEpollHandler.OnEvents"/>: one per loop.</summary>
    public byte[] ReceiveBuffer { get; } = GC.AllocateUninitializedArray<byte>(64 * 1024);

    /// <summary>Reply bytes a handler may build during <see cref="IEpollHandler.OnEvents"/>; empty when it returns.</summary>
    public ArrayBufferWriter<byte> Replies { get; } = new(16 * 1024);

    /// <summary>True when the caller runs on this loop's thread.</summary>
    public bool IsCurrent => Thread.CurrentThread == _thread;

    /// <summary>The loops, one per core (at most 16), in turn; null where epoll is not supported.</summary>
    public static EpollLoop? Next()
    {
        EpollLoop[]? loops = s_loops.Value;
        return loops is null ? null : loops[(int)((uint)Interlocked.Increment(ref s_next) % (uint)loops.Length)];
    }

    /// <summary>Runs <paramref name="work"/> on the loop's thread, after the events it is handling now.</summary>
    public void Post(Action work)
    {
        _posted.Enqueue(work);
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            ulong one = 1;
            Epoll.Write(_wake, (byte*)&one, sizeof(ulong));
        }
    }

    /// <summary>Registers <paramref name="socket"/> for reading; on the loop only. Returns the token for later calls.</summary>
    public ulong Register(Socket socket, IEpollHandler handler)
    {
        ulong token = ++_nextToken;
        if (!Epoll.Control(_epoll, Epoll.CtlAdd, (int)socket.Handle, Epoll.In, token))
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        _handlers[token] = handler;
        return token;
    }

    /// <summary>Changes what the loop waits for: <see cref="Epoll.In"/>, <see cref="Epoll.Out"/> or both; on the loop only.</summary>
    public void Watch(Socket socket, ulong token, uint events) =>
        Epoll.Control(_epoll, Epoll.CtlMod, (int)socket.Handle, events, token);

    /// <summary>Forgets <paramref name="socket"/>; on the loop only, before the socket is closed.</summary>
    public void Unregister(Socket socket, ulong token)
    {
        if (_handlers.Remove(token))
        {
            Epoll.Control(_epoll, Epoll.CtlDel, (int)socket.Handle, 0, token);
        }
    }

    private static EpollLoop[]? StartAll()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var loops = new EpollLoop[LoopCount()];
        try
        {
            for (int i = 0; i < loops.Length; i++)
            {
                int epoll = Epoll.Create(Epoll.CloseOnExec);
                int wake = epoll < 0 ? -1 : Epoll.EventFd(0, Epoll.CloseOnExec | Epoll.EventFdNonBlocking);
                if (wake < 0 || !Epoll.Control(epoll, Epoll.CtlAdd, wake, Epoll.In, WakeToken))
                {
                    return null;
                }

                loops[i] = new EpollLoop(epoll, wake, i);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return loops;
    }

    /// <summary>One per core (at most 16), or NETOPS_EPOLL_LOOPS (1 to 64) when set.</summary>
    private static int LoopCount() =>
        int.TryParse(Environment.GetEnvironmentVariable("NETOPS_EPOLL_LOOPS"), out int wanted) && wanted is >= 1 and <= 64
            ? wanted
            : Math.Clamp(Environment.ProcessorCount, 1, 16);

    private void Run()
    {
        byte* events = (byte*)NativeMemory.Alloc((nuint)(BatchSize * Epoll.EventSize));
        int dataOffset = Epoll.DataOffset;
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
                ulong token = *(ulong*)(evt + dataOffset);
                if (token == WakeToken)
                {
                    ulong value;
                    Epoll.Read(_wake, (byte*)&value, sizeof(ulong));
                    Volatile.Write(ref _wakePending, 0);
                }
                else if (_handlers.TryGetValue(token, out IEpollHandler? handler))
                {
                    Dispatch(handler, *(uint*)evt);
                }
            }

            while (_posted.TryDequeue(out Action? work))
            {
                try
                {
                    work();
                }
                catch (Exception ex)
                {
                    Fault(ex);
                }
            }
        }
    }

    private static void Dispatch(IEpollHandler handler, uint events)
    {
        try
        {
            handler.OnEvents(events);
        }
        catch (Exception ex)
        {
            Fault(ex);
        }
    }

    private static void Fault(Exception ex)
    {
        LastFault = ex;
        Interlocked.Increment(ref s_faults);
    }
}
