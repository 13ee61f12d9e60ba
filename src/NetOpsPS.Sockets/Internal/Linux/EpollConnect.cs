using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Internal.Linux;

/// <summary>
/// A non-blocking connect whose completion comes through an <see cref="EpollPoller"/>: the socket turns
/// writable, and SO_ERROR says whether the handshake succeeded (connect(2), EINPROGRESS).
/// <para>
/// Why not <see cref="Socket.ConnectAsync(EndPoint, CancellationToken)"/>: it registers the socket with .NET's
/// own epoll engine for the socket's whole life, so every later edge of a socket the poller serves also wakes
/// that engine's thread, which then finds nothing to do. In a load driver at 1,000 connections that thread
/// took about 40 % of a core (issue 3). A synchronous connect on a non-blocking socket registers nothing.
/// </para>
/// </summary>
internal static class EpollConnect
{
    /// <summary>
    /// Connects <paramref name="socket"/> (left non-blocking) to <paramref name="endPoint"/>. Throws
    /// <see cref="SocketException"/> when the connect fails and <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public static async Task ConnectAsync(this EpollPoller poller, Socket socket, EndPoint endPoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        socket.Blocking = false;
        try
        {
            socket.Connect(endPoint);
            return;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            // The handshake goes on; EPOLLOUT ends it. Registering reports a socket that is already writable.
        }

        var waiter = new Waiter(socket);
        ulong token = poller.Register(socket, waiter, Epoll.Out);
        try
        {
            using (cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Cancel(token), waiter))
            {
                await waiter.Done.ConfigureAwait(false);
            }
        }
        finally
        {
            // Before the caller registers the socket again or closes it (the poller's rule).
            poller.Unregister(socket, token);
        }
    }

    private sealed class Waiter(Socket socket) : IEpollHandler
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Done => _done.Task;

        public void Cancel(CancellationToken token) => _done.TrySetCanceled(token);

        public void OnEvents(uint events, EpollScratch scratch)
        {
            try
            {
                // .NET translates SO_ERROR into a SocketError value.
                var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                if (error == SocketError.Success)
                {
                    _done.TrySetResult();
                }
                else
                {
                    _done.TrySetException(new SocketException((int)error));
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                _done.TrySetException(ex);
            }
        }
    }
}
