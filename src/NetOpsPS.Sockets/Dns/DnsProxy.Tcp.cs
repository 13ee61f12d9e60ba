using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.DnsTools.Internal;

namespace NetOpsPS.Sockets.DnsTools;

/// <summary>The TCP side (RFC 7766): length-prefixed queries answered in order on each connection, idle ones closed.</summary>
public sealed partial class DnsProxy
{
    private async Task TcpAcceptLoopAsync()
    {
        CancellationToken token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                await _tcpSlots.WaitAsync(token).ConfigureAwait(false);
                client = await _tcp!.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                _tcpSlots.Release();
                continue;
            }

            _ = ServeTcpAsync(client, token);
        }
    }

    private async Task ServeTcpAsync(Socket client, CancellationToken token)
    {
        byte[] query = ArrayPool<byte>.Shared.Rent(MaxMessage);
        byte[] reply = ArrayPool<byte>.Shared.Rent(MaxMessage);
        try
        {
            using (client)
            {
                client.NoDelay = true;
                IPAddress address = ((IPEndPoint)client.RemoteEndPoint!).Address;
                byte[] prefix = new byte[2];
                while (await ReadQueryAsync(client, prefix, query, token).ConfigureAwait(false) is int length and > 0)
                {
                    long nowMs = _options.Clock();
                    if (_limiter is not null && !_limiter.TryAcquire(address, nowMs))
                    {
                        _counters.RateLimited();
                        continue;
                    }

                    Decision decision = Decide(query.AsSpan(0, length), tcp: true, nowMs, reply, out int replyLength, out PendingQuestion question);
                    if (decision == Decision.Drop)
                    {
                        return;
                    }

                    if (decision == Decision.Forward)
                    {
                        replyLength = await ForwardAsync(query, length, question, tcp: true, reply).ConfigureAwait(false);
                    }

                    BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)replyLength);
                    var segments = new List<ArraySegment<byte>>(2) { new(prefix), new(reply, 0, replyLength) };
                    await client.SendAsync(segments, SocketFlags.None).WaitAsync(token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Idle too long, the client went away, or the proxy is stopping.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(query);
            ArrayPool<byte>.Shared.Return(reply);
            _tcpSlots.Release();
        }
    }

    // The next message's length, or 0 when the client closed or stayed idle past the timeout (RFC 7766 §6.2.3).
    private async ValueTask<int> ReadQueryAsync(Socket client, byte[] prefix, byte[] query, CancellationToken token)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(token);
        idle.CancelAfter(_options.TcpIdleTimeout);
        try
        {
            if (!await TcpFraming.ReadExactlyAsync(client, prefix, idle.Token).ConfigureAwait(false))
            {
                return 0;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
            return length > 0 && await TcpFraming.ReadExactlyAsync(client, query.AsMemory(0, length), idle.Token).ConfigureAwait(false) ? length : 0;
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return 0;
        }
    }
}
