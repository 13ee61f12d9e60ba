using System;
using System.Runtime.InteropServices;

namespace NetOpsPS.Sockets.Internal.Linux;

/// <summary>
/// The few libc calls an <see cref="EpollPoller"/> needs (epoll(7)). "libc" resolves to
/// glibc's libc.so.6 through the runtime's own mapping; where it does not (musl), the loop reports
/// itself unsupported and servers use the sockets' async operations instead.
/// </summary>
internal static unsafe partial class Epoll
{
    public const int CtlAdd = 1;
    public const int CtlDel = 2;
    public const int CtlMod = 3;

    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Err = 0x008;
    public const uint Hup = 0x010;
    public const uint RdHup = 0x2000;
    public const uint OneShot = 1u << 30;
    public const uint EdgeTriggered = 1u << 31;

    /// <summary>What an edge-triggered handler is told when edges came while it ran: anything may have changed.</summary>
    public const uint Unknown = In | Out | RdHup;

    /// <summary>
    /// The reading rule of an edge-triggered handler, after a read of <paramref name="got"/> bytes (-1: EAGAIN)
    /// into a buffer of <paramref name="bufferLength"/>, for an event of <paramref name="events"/>: true when
    /// nothing more waits. A short read emptied the socket, and new data raises a new edge; but when the peer
    /// shut down or failed (its FIN may have come with the last data, one edge for both), or edges came while
    /// the handler ran, only EAGAIN or the end says so.
    /// </summary>
    public static bool Drained(int got, int bufferLength, uint events) =>
        got < 0 || (got < bufferLength && (events & (RdHup | Hup | Err)) == 0);

    public const int CloseOnExec = 0x80000;   // EPOLL_CLOEXEC = O_CLOEXEC

    public const int EINTR = 4;

    /// <summary>
    /// struct epoll_event is { uint32 events; uint64 data; }: packed (12 bytes) on x86-64 only,
    /// naturally aligned (16 bytes) on every other Linux architecture.
    /// </summary>
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    public static int DataOffset => EventSize == 12 ? 4 : 8;

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int Create(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int Control(int epoll, int operation, int fd, byte* evt);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int Wait(int epoll, byte* events, int maxEvents, int timeoutMilliseconds);

    /// <summary>Adds, changes or removes <paramref name="fd"/>'s interest; false with errno on failure.</summary>
    public static bool Control(int epoll, int operation, int fd, uint events, ulong token)
    {
        byte* evt = stackalloc byte[16];
        *(uint*)evt = events;
        *(ulong*)(evt + DataOffset) = token;
        return Control(epoll, operation, fd, evt) == 0;
    }
}
