using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Reliable;

namespace NetOpsPS.Sockets.Tests.Reliable;

/// <summary>Messages to send and the reading side of a listener, for the transfer tests.</summary>
internal static class ReliableTransfer
{
    public static IReadOnlyList<ReadOnlyMemory<byte>> Numbered(int count) =>
        Enumerable.Range(0, count).Select(i => (ReadOnlyMemory<byte>)Encoding.ASCII.GetBytes($"message {i:D6}")).ToArray();

    /// <summary>Reads <paramref name="count"/> messages, bounded by a generous time so a bug fails instead of hanging.</summary>
    public static async Task<List<ReliableUdpMessage>> ReadAsync(ReliableUdpListener listener, int count)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var messages = new List<ReliableUdpMessage>(count);
        while (messages.Count < count)
        {
            messages.Add(await listener.ReceiveAsync(bound.Token));
        }

        return messages;
    }

    /// <summary>Fast timers for loopback, where the RTT is microseconds.</summary>
    public static ReliableUdpOptions Loopback(int maxRetries = 10) => new()
    {
        InitialRto = TimeSpan.FromMilliseconds(100),
        MinRto = TimeSpan.FromMilliseconds(20),
        MaxRto = TimeSpan.FromSeconds(2),
        MaxRetries = maxRetries,
    };
}
