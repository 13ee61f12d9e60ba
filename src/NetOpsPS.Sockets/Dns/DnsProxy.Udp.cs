using System;
using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>The UDP side: receiver threads on one socket; cache hits answered inline, misses forwarded without blocking them.</summary>
public sealed partial class DnsProxy
{
    // How often a blocked receive wakes to notice a stop (Dispose also ends it at once on Linux).
    private static readonly TimeSpan ReceiveWake = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// One receiver thread: blocking recvfrom and sendto, no async machinery per datagram, so a cache hit
    /// costs two system calls and a copy (the hot path of the performance goal). Misses leave the thread.
    /// </summary>
    private void UdpReceiveLoop()
    {
        CancellationToken token = _stopping.Token;
        byte[] buffer = new byte[MaxMessage];
        byte[] reply = new byte[MaxMessage];
        var from = new SocketAddress(_udp.AddressFamily);
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = _udp.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                continue;
            }
            catch (SocketException) when (!token.IsCancellationRequested)
            {
                // An ICMP error for an earlier reply (a client gone away) surfaces here; the socket is still good.
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            HandleDatagram(buffer.AsSpan(0, received), from, reply);
        }
    }

    private void HandleDatagram(ReadOnlySpan<byte> query, SocketAddress from, byte[] reply)
    {
        long nowMs = _options.Clock();
        if (_limiter is not null && !_limiter.TryAcquire(from, nowMs))
        {
            _counters.RateLimited();
            return;
        }

        switch (Decide(query, tcp: false, nowMs, reply, out int length, out PendingQuestion question))
        {
            case Decision.Reply:
                SendUdp(reply.AsSpan(0, length), from);
                break;
            case Decision.Forward when Interlocked.Increment(ref _pendingUdp) > _options.MaxPendingQueries:
                Interlocked.Decrement(ref _pendingUdp);
                _counters.Overloaded();
                break;
            case Decision.Forward:
                byte[] copy = ArrayPool<byte>.Shared.Rent(query.Length);
                query.CopyTo(copy);
                var client = new SocketAddress(from.Family, from.Size);
                from.Buffer.CopyTo(client.Buffer);
                _ = ForwardUdpAsync(copy, query.Length, question, client);
                break;
        }
    }

    private async Task ForwardUdpAsync(byte[] query, int length, PendingQuestion question, SocketAddress client)
    {
        byte[] reply = ArrayPool<byte>.Shared.Rent(MaxMessage);
        try
        {
            int replyLength = await ForwardAsync(query, length, question, tcp: false, reply).ConfigureAwait(false);
            SendUdp(reply.AsSpan(0, replyLength), client);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: the query is abandoned.
        }
        finally
        {
            Interlocked.Decrement(ref _pendingUdp);
            ArrayPool<byte>.Shared.Return(query);
            ArrayPool<byte>.Shared.Return(reply);
        }
    }

    private void SendUdp(ReadOnlySpan<byte> reply, SocketAddress client)
    {
        try
        {
            _udp.SendTo(reply, SocketFlags.None, client);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client cannot be reached, or the proxy is stopping: there is no one to tell.
        }
    }
}
