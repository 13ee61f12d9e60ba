using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Reliable.Internal;

namespace NetOpsPS.Sockets.Reliable;

/// <summary>
/// Sends messages to a <see cref="ReliableUdpListener"/> over UDP, complete and in order, or fails
/// with a <see cref="ReliableUdpException"/> that says why and how far it got.
/// </summary>
public static class ReliableUdpSender
{
    /// <summary>
    /// Transfers <paramref name="messages"/> as one session: each cut into packets of at most
    /// MaxDatagramSize, sent within a sliding window, retransmitted on duplicate ACKs or the RTO,
    /// until the listener acknowledged every packet. Returns the counters.
    /// </summary>
    public static async Task<ReliableUdpTransferResult> SendAsync(
        IPEndPoint remote,
        IReadOnlyList<ReadOnlyMemory<byte>> messages,
        ReliableUdpOptions options,
        IProgress<ReliableUdpProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // The fragment count is 16 bits, so a small MaxDatagramSize lowers the cap below MaxMessageSize.
        long limit = Math.Min(options.MaxMessageSize, (long)options.FragmentSize * ushort.MaxValue);
        for (int i = 0; i < messages.Count; i++)
        {
            if (messages[i].Length > limit)
            {
                string cap = limit == options.MaxMessageSize
                    ? $"MaxMessageSize is {options.MaxMessageSize}"
                    : $"at most {limit} bytes fit in 65,535 fragments of {options.FragmentSize} (MaxDatagramSize {options.MaxDatagramSize})";
                throw new ReliableUdpException(ReliableUdpErrorKind.MessageTooLarge, $"Message {i} is {messages[i].Length} bytes; {cap}.", null);
            }
        }

        SendSession session;
        try
        {
            session = new SendSession(remote, new FragmentTable(messages, options.FragmentSize), options, progress);
        }
        catch (SocketsException ex)
        {
            throw new ReliableUdpException(ReliableUdpErrorKind.Socket, ex.Message, null, ex);
        }

        await using (session.ConfigureAwait(false))
        {
            return await session.RunAsync(messages.Count, cancellationToken).ConfigureAwait(false);
        }
    }
}
