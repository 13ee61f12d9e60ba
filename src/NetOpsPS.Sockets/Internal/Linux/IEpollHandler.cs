namespace NetOpsPS.Sockets.Internal.Linux;

/// <summary>A socket registered with the <see cref="EpollPoller"/>; called on one of its threads, one event at a time.</summary>
internal interface IEpollHandler
{
    /// <summary>
    /// The socket is ready: <paramref name="events"/> holds EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP (and EPOLLRDHUP)
    /// bits (<see cref="Epoll.Unknown"/> when edges came while the handler ran). A one-shot registration is
    /// disarmed until the handler arms it again; an edge-triggered one is never disarmed. <paramref name="scratch"/> is the calling
    /// thread's, for this call only. Must not block and must not throw: an exception here is a bug, which
    /// the poller counts and survives.
    /// </summary>
    void OnEvents(uint events, EpollScratch scratch);
}
