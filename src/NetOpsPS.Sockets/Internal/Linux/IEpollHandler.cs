namespace NetOpsPS.Sockets.Internal.Linux;

/// <summary>A socket registered with an <see cref="EpollLoop"/>; called on the loop's thread only.</summary>
internal interface IEpollHandler
{
    /// <summary>
    /// The socket is ready: <paramref name="events"/> holds EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP bits.
    /// Must not block and must not throw: an exception here is a bug, which the loop logs and survives.
    /// </summary>
    void OnEvents(uint events);
}
