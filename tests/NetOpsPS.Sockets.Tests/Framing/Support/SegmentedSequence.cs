using System;
using System.Buffers;
using System.Collections.Generic;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>
/// Buffers as a PipeReader hands them out: every read its own segment, so delimiters and length fields
/// straddle segments whenever a split falls inside them.
/// </summary>
internal static class SegmentedSequence
{
    public static ReadOnlySequence<byte> Append(in ReadOnlySequence<byte> held, ReadOnlyMemory<byte> piece)
    {
        var pieces = new List<ReadOnlyMemory<byte>>();
        foreach (ReadOnlyMemory<byte> memory in held)
        {
            pieces.Add(memory);
        }

        pieces.Add(piece);
        return Create(pieces);
    }

    public static ReadOnlySequence<byte> Create(IEnumerable<ReadOnlyMemory<byte>> pieces)
    {
        Segment? first = null;
        Segment? last = null;
        foreach (ReadOnlyMemory<byte> piece in pieces)
        {
            if (piece.IsEmpty)
            {
                continue;
            }

            var segment = new Segment(piece, last is null ? 0 : last.RunningIndex + last.Memory.Length);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.SetNext(segment);
            }

            last = segment;
        }

        return first is null || last is null
            ? ReadOnlySequence<byte>.Empty
            : new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
