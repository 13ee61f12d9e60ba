using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.DnsTools.Internal;

/// <summary>
/// One query to one upstream, defended against off-path spoofing (RFC 5452 §9.2): a fresh socket per
/// query, so a fresh source port (connect() on an unbound UDP socket makes Linux pick a random
/// ephemeral port, and the connected socket hears only the upstream's address), a cryptographically
/// random id, and an answer accepted only when id and question match the query. Anything else is
/// dropped, counted, and the wait goes on until the timeout.
/// </summary>
internal static class UpstreamExchange
{
    public const int MaxMessage = 65535;

    /// <summary>Sends <paramref name="query"/> (its id is replaced) over UDP; the answer's length in <paramref name="answer"/>.</summary>
    public static async ValueTask<ExchangeResult> UdpAsync(
        Upstream upstream, byte[] query, int length, int questionEnd, byte[] answer, TimeSpan timeout, ProxyCounters counters, CancellationToken cancellationToken)
    {
        ushort id = NewId(query);
        using var socket = new Socket(upstream.EndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long started = Stopwatch.GetTimestamp();
        try
        {
            socket.Connect(upstream.EndPoint);
            upstream.Sent();
            // A UDP send to loopback or a LAN completes at once; the async form would only add a state machine.
            socket.Send(query.AsSpan(0, length), SocketFlags.None);
            while (true)
            {
                int received = await socket.ReceiveAsync(answer.AsMemory(0, MaxMessage), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (Matches(answer.AsSpan(0, received), id, query, questionEnd))
                {
                    return ExchangeResult.Answered(received, Stopwatch.GetElapsedTime(started));
                }

                upstream.Mismatch();
                counters.Mismatch();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ExchangeResult.Failed($"no answer over UDP within {timeout.TotalMilliseconds:0} ms");
        }
        catch (SocketException ex)
        {
            return ExchangeResult.Failed($"UDP: {ex.SocketErrorCode}");
        }
    }

    /// <summary>The same over TCP with the two-byte length prefix (RFC 1035 §4.2.2), for answers truncated over UDP.</summary>
    public static async ValueTask<ExchangeResult> TcpAsync(
        Upstream upstream, byte[] query, int length, int questionEnd, byte[] answer, TimeSpan timeout, ProxyCounters counters, CancellationToken cancellationToken)
    {
        ushort id = NewId(query);
        using var socket = new Socket(upstream.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        long started = Stopwatch.GetTimestamp();
        try
        {
            await socket.ConnectAsync(upstream.EndPoint, deadline.Token).ConfigureAwait(false);
            upstream.Sent();
            byte[] prefix = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)length);
            await socket.SendAsync(prefix, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            await socket.SendAsync(query.AsMemory(0, length), SocketFlags.None, deadline.Token).ConfigureAwait(false);
            if (!await TcpFraming.ReadExactlyAsync(socket, prefix, deadline.Token).ConfigureAwait(false))
            {
                return ExchangeResult.Failed("TCP: closed before answering");
            }

            int size = BinaryPrimitives.ReadUInt16BigEndian(prefix);
            if (!await TcpFraming.ReadExactlyAsync(socket, answer.AsMemory(0, size), deadline.Token).ConfigureAwait(false))
            {
                return ExchangeResult.Failed("TCP: closed in the middle of an answer");
            }

            if (!Matches(answer.AsSpan(0, size), id, query, questionEnd))
            {
                upstream.Mismatch();
                counters.Mismatch();
                return ExchangeResult.Failed("TCP: answer does not match the query");
            }

            return ExchangeResult.Answered(size, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ExchangeResult.Failed($"no answer over TCP within {timeout.TotalMilliseconds:0} ms");
        }
        catch (SocketException ex)
        {
            return ExchangeResult.Failed($"TCP: {ex.SocketErrorCode}");
        }
    }

    private static ushort NewId(byte[] query)
    {
        var id = (ushort)RandomNumberGenerator.GetInt32(0x10000);
        DnsWire.SetId(query, id);
        return id;
    }

    private static bool Matches(ReadOnlySpan<byte> answer, ushort id, ReadOnlySpan<byte> query, int questionEnd) =>
        answer.Length >= DnsWire.HeaderLength
        && DnsWire.Id(answer) == id
        && DnsWire.IsResponse(answer)
        && DnsWire.Opcode(answer) == 0
        && DnsWire.SameQuestion(query, questionEnd, answer);
}

/// <summary>An upstream exchange's outcome: the answer's length and round trip, or why there is none.</summary>
internal readonly record struct ExchangeResult(int Length, TimeSpan RoundTrip, string? Error)
{
    public bool Ok => Error is null;

    public static ExchangeResult Answered(int length, TimeSpan rtt) => new(length, rtt, null);

    public static ExchangeResult Failed(string error) => new(0, TimeSpan.Zero, error);
}
