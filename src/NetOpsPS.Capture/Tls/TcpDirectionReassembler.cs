using System;
using System.Collections.Generic;

namespace NetOpsPS.Capture.Tls;

/// <summary>
/// Puts the first bytes of one direction of a TCP connection back in order by sequence number (RFC 9293 §3.4),
/// up to a fixed bound: duplicates and retransmitted overlaps are trimmed, segments after a gap wait (at most
/// <see cref="MaxPendingSegments"/>), and nothing past <c>maxBytes</c> is kept.
/// </summary>
internal sealed class TcpDirectionReassembler
{
    internal const int MaxPendingSegments = 64;

    private readonly int _maxBytes;
    private readonly SortedDictionary<int, byte[]> _pending = [];
    private byte[] _buffer = [];
    private bool _started;
    private uint _firstSequence;
    private int _pendingBytes;

    public TcpDirectionReassembler(int maxBytes)
    {
        _maxBytes = maxBytes;
    }

    /// <summary>In-order bytes from the start of the direction.</summary>
    public ReadOnlySpan<byte> Contiguous => _buffer.AsSpan(0, Length);

    public int Length { get; private set; }

    /// <summary>Bytes held: the in-order buffer's capacity plus segments waiting for a gap to fill.</summary>
    public int BufferedBytes => _buffer.Length + _pendingBytes;

    /// <summary>True once the bound stopped the stream from growing.</summary>
    public bool IsFull => Length >= _maxBytes;

    /// <summary>Segments that carried new in-order bytes (more than one means the message was reassembled).</summary>
    public int SegmentsUsed { get; private set; }

    /// <summary>When the first in-order byte arrived.</summary>
    public DateTimeOffset? FirstByteTime { get; private set; }

    /// <summary>When the latest in-order bytes arrived.</summary>
    public DateTimeOffset? LastByteTime { get; private set; }

    /// <summary>Drops every byte held: the direction is decoded and its bytes are no longer needed.</summary>
    public void Release()
    {
        _buffer = [];
        _pending.Clear();
        _pendingBytes = 0;
        Length = 0;
    }

    /// <summary>A SYN fixes the stream's start: its ISN plus one (RFC 9293 §3.4.1).</summary>
    public void OnSyn(uint initialSequence)
    {
        if (!_started)
        {
            _started = true;
            _firstSequence = initialSequence + 1;
        }
    }

    /// <summary>Adds a segment; true when the in-order stream grew.</summary>
    public bool Add(uint sequence, ReadOnlySpan<byte> payload, DateTimeOffset timestamp)
    {
        if (payload.IsEmpty)
        {
            return false;
        }

        if (!_started)
        {
            // No SYN seen (capture started late): the first data segment is taken as the start.
            _started = true;
            _firstSequence = sequence;
        }

        // Offsets relative to the start, in 32-bit serial arithmetic so a wrap of the sequence space is harmless.
        int offset = unchecked((int)(sequence - _firstSequence));
        int end = offset + payload.Length;
        if (end <= Length || offset >= _maxBytes || end < 0)
        {
            return false; // a retransmission of bytes we have, or beyond what we keep
        }

        if (offset > Length)
        {
            Hold(offset, payload);
            return false;
        }

        Append(payload[(Length - offset)..], timestamp);
        Drain(timestamp);
        return true;
    }

    private void Append(ReadOnlySpan<byte> bytes, DateTimeOffset timestamp)
    {
        int room = _maxBytes - Length;
        if (bytes.Length > room)
        {
            bytes = bytes[..room];
        }

        if (Length + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_maxBytes, Math.Max(_buffer.Length * 2, Length + bytes.Length)));
        }

        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
        FirstByteTime ??= timestamp;
        LastByteTime = timestamp;
        SegmentsUsed++;
    }

    private void Hold(int offset, ReadOnlySpan<byte> payload)
    {
        if (_pending.Count >= MaxPendingSegments || _pendingBytes + payload.Length > _maxBytes || _pending.ContainsKey(offset))
        {
            return; // bounded: a flood of out-of-order segments is dropped, and the message ends up truncated
        }

        _pending.Add(offset, payload.ToArray());
        _pendingBytes += payload.Length;
    }

    private void Drain(DateTimeOffset timestamp)
    {
        while (_pending.Count > 0 && !IsFull)
        {
            using var first = _pending.GetEnumerator();
            first.MoveNext();
            var (offset, bytes) = first.Current;
            if (offset > Length)
            {
                return;
            }

            _pending.Remove(offset);
            _pendingBytes -= bytes.Length;
            if (offset + bytes.Length > Length)
            {
                Append(bytes.AsSpan(Length - offset), timestamp);
            }
        }
    }
}
