using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Load.Internal;

/// <summary>The window of lines in flight: batches out, replies in, each reply checked byte for byte.</summary>
internal sealed partial class LoadConnection
{
    private const int MaxBatchBytes = 256 * 1024;
    private const int MinReceiveBytes = 4 * 1024;
    private const int MaxReceiveBytes = 64 * 1024;

    private static readonly double s_microsecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;

    // When line n was sent, at n % depth: at most depth lines are in flight.
    private readonly long[] _sentAt;
    private byte[] _sendBuffer = Array.Empty<byte>();
    private byte[] _receiveBuffer = Array.Empty<byte>();
    private byte[] _expected = Array.Empty<byte>();
    private int _batchLines;
    private ReadOnlyMemory<byte> _unsent;
    private Task<int>? _blockedSend;
    private int _inflight;
    private long _lastProgress;
    private long _nextSendSequence;
    private long _nextReplySequence;
    private int _cursor;
    private bool _skipping;
    private long _counted;
    private long _completed;

    /// <summary>
    /// Sends batches while the window has room. A send the kernel cannot take at once is left
    /// running (the receive loop keeps draining replies meanwhile, so the server never blocks on us).
    /// </summary>
    private void SendWhileWindowOpen(Socket socket)
    {
        while (true)
        {
            if (_unsent.IsEmpty)
            {
                int lines = LinesToSend();
                if (lines == 0)
                {
                    return;
                }

                _unsent = NextBatch(lines);
            }

            ValueTask<int> send = socket.SendAsync(_unsent, SocketFlags.None);
            if (!send.IsCompleted)
            {
                _blockedSend = send.AsTask();
                return;
            }

            // Result rethrows when the send failed at once.
            _unsent = _unsent[send.Result..];
        }
    }

    private int LinesToSend()
    {
        if (_run.Stopping)
        {
            return 0;
        }

        long room = _sentAt.Length - _inflight;
        if (_quota != long.MaxValue && _run.Measuring)
        {
            room = Math.Min(room, _quota - _counted - _inflight);
        }

        return (int)Math.Clamp(room, 0, _batchLines);
    }

    private ReadOnlyMemory<byte> NextBatch(int lines)
    {
        int lineLength = _run.LineLength;
        long now = Stopwatch.GetTimestamp();
        for (int line = 0; line < lines; line++)
        {
            long sequence = _nextSendSequence++;
            LinePattern.WriteSequence(_sendBuffer.AsSpan(line * lineLength, lineLength - 1), sequence);
            _sentAt[sequence % _sentAt.Length] = now;
        }

        // Progress first, then the count the watchdog tests: it never sees new lines with an old timestamp.
        Volatile.Write(ref _lastProgress, now);
        Volatile.Write(ref _inflight, _inflight + lines);
        return _sendBuffer.AsMemory(0, lines * lineLength);
    }

    /// <summary>Checks received bytes against the replies owed, in order, across any split.</summary>
    private void Verify(ReadOnlySpan<byte> data, long now)
    {
        int replyLength = _run.ReplyLength;
        while (!data.IsEmpty)
        {
            if (_skipping)
            {
                // The rest of a corrupted reply (or of bytes no one asked for), up to its line feed.
                int end = data.IndexOf(LinePattern.LineFeed);
                if (end < 0)
                {
                    return;
                }

                data = data[(end + 1)..];
                _skipping = false;
                continue;
            }

            if (_inflight == 0)
            {
                CountCorruption(data, 0, "bytes arrived when no reply was owed");
                _skipping = true;
                continue;
            }

            ReadOnlySpan<byte> expected = _expected.AsSpan(_cursor, replyLength - _cursor);
            int length = Math.Min(expected.Length, data.Length);
            if (data[..length].SequenceEqual(expected[..length]))
            {
                _cursor += length;
                data = data[length..];
                if (_cursor == replyLength)
                {
                    _cursor = 0;
                    CompleteReply(now, verified: true);
                }

                continue;
            }

            int same = data[..length].CommonPrefixLength(expected[..length]);
            CountCorruption(data, same, null);
            byte wrong = data[same];
            data = data[(same + 1)..];
            _cursor = 0;
            CompleteReply(now, verified: false);
            // A line feed too early ended the reply; anything else leaves the rest of it to skip.
            _skipping = wrong != LinePattern.LineFeed;
        }
    }

    private void CompleteReply(long now, bool verified)
    {
        long sequence = _nextReplySequence++;
        Volatile.Write(ref _inflight, _inflight - 1);
        if (_run.Measuring && _counted < _quota)
        {
            _counted++;
            if (verified)
            {
                Volatile.Write(ref _completed, _completed + 1);
                Latency.Record((long)((now - _sentAt[sequence % _sentAt.Length]) * s_microsecondsPerTick));
            }
        }

        LinePattern.WriteSequence(_expected.AsSpan(_run.PrefixBytes.Length, _run.LineLength - 1), _nextReplySequence);
    }

    private void CountCorruption(ReadOnlySpan<byte> data, int offset, string? what)
    {
        if (!TakesFirstError(TcpLoadErrorKind.CorruptedReply))
        {
            return;
        }

        string message = what is not null
            ? string.Create(CultureInfo.InvariantCulture, $"connection {_index}: {what} ({Show(data[0])} first)")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"connection {_index}, reply {_nextReplySequence}: byte {_cursor + offset} is {Show(data[offset])}, expected {Show(_expected[_cursor + offset])}");
        Volatile.Write(ref _firstErrors[(int)TcpLoadErrorKind.CorruptedReply], message);
    }

    private static string Show(byte value) =>
        value is >= 0x20 and < 0x7F
            ? string.Create(CultureInfo.InvariantCulture, $"'{(char)value}'")
            : string.Create(CultureInfo.InvariantCulture, $"0x{value:X2}");
}
