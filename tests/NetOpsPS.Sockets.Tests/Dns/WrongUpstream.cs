using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Tests.Dns;

/// <summary>
/// A deliberately wrong "upstream" on loopback UDP: for each query it sends back what the test's function
/// makes of it (answers with a wrong id, for a different question, or nothing). No real server behaves like
/// this on purpose, which is why it is a stand-in here and not dnsmasq or unbound: it plays the off-path
/// spoofer the proxy must ignore (RFC 5452).
/// </summary>
internal sealed class WrongUpstream : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<(byte[] Query, IPEndPoint From)> _seen = [];

    public WrongUpstream(Func<byte[], IEnumerable<byte[]>> replies)
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(async () =>
        {
            byte[] buffer = new byte[65535];
            EndPoint any = new IPEndPoint(IPAddress.Any, 0);
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult got;
                try
                {
                    got = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                byte[] query = buffer.AsSpan(0, got.ReceivedBytes).ToArray();
                lock (_seen)
                {
                    _seen.Add((query, (IPEndPoint)got.RemoteEndPoint));
                }

                foreach (byte[] reply in replies(query))
                {
                    await _socket.SendToAsync(reply, SocketFlags.None, got.RemoteEndPoint);
                }
            }
        });
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public int Queries => Seen.Count;

    /// <summary>Every query received and the address and port it came from.</summary>
    public IReadOnlyList<(byte[] Query, IPEndPoint From)> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>A NOERROR reply to <paramref name="query"/> with one A record 203.0.113.66 (the spoofer's address).</summary>
    public static byte[] Answer(byte[] query)
    {
        byte[] answer = new byte[query.Length + 16];
        query.CopyTo(answer, 0);
        answer[2] = (byte)(0x80 | (query[2] & 0x01));
        answer[3] = 0x80;
        answer[7] = 1; // ANCOUNT 1
        answer[10] = 0;
        answer[11] = 0; // no OPT kept
        int end = QuestionEnd(query);
        byte[] rr = [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4, 203, 0, 113, 66];
        rr.CopyTo(answer, end);
        return answer.AsSpan(0, end + rr.Length).ToArray();
    }

    public static int QuestionEnd(byte[] m)
    {
        int i = 12;
        while (m[i] != 0)
        {
            i += m[i] + 1;
        }

        return i + 5;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
