using System;
using System.Collections.Generic;

namespace NetOpsPS.Sockets.Reliable.Internal;

/// <summary>The messages of a transfer cut into packets: packet i carries Payload[i], fragment Index[i] of Count[i].</summary>
internal sealed class FragmentTable
{
    public FragmentTable(IReadOnlyList<ReadOnlyMemory<byte>> messages, int fragmentSize)
    {
        var payloads = new List<ReadOnlyMemory<byte>>(messages.Count);
        var indexes = new List<ushort>(messages.Count);
        var counts = new List<ushort>(messages.Count);
        MessageEnd = new int[messages.Count];
        for (int m = 0; m < messages.Count; m++)
        {
            ReadOnlyMemory<byte> message = messages[m];
            // An empty message still takes one packet, so it is delivered too.
            int count = Math.Max(1, (message.Length + fragmentSize - 1) / fragmentSize);
            for (int f = 0; f < count; f++)
            {
                int start = f * fragmentSize;
                payloads.Add(message.Slice(start, Math.Min(fragmentSize, message.Length - start)));
                indexes.Add((ushort)f);
                counts.Add((ushort)count);
            }

            Bytes += message.Length;
            MessageEnd[m] = payloads.Count;
        }

        Payload = payloads.ToArray();
        Index = indexes.ToArray();
        Count = counts.ToArray();
    }

    public ReadOnlyMemory<byte>[] Payload { get; }

    public ushort[] Index { get; }

    public ushort[] Count { get; }

    /// <summary>For message m, one past its last packet: it is acknowledged once the cumulative ack reaches this.</summary>
    public int[] MessageEnd { get; }

    public long Bytes { get; }

    public int Packets => Payload.Length;
}
