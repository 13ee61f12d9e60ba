using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using NetOpsPS.Sockets.Client.Internal;

namespace NetOpsPS.Sockets.Client;

/// <summary>Sends and receives frames.</summary>
public sealed partial class TcpClientSession
{
    /// <summary>
    /// Frames <paramref name="payload"/> with the session's encoder and sends it, connecting first when the connection
    /// has dropped. A send is not retried: a failure throws <see cref="TcpClientSessionException"/> and the caller decides
    /// whether the frame is worth sending again (only it knows whether the server may have acted on it).
    /// </summary>
    public async ValueTask SendFrameAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        ClientConnection connection = await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits up to <see cref="TcpClientSessionOptions.ReadTimeout"/> for the next frame.</summary>
    public ValueTask<byte[]> ReceiveFrameAsync(CancellationToken cancellationToken = default) =>
        ReceiveFrameAsync(_options.ReadTimeout, cancellationToken);

    /// <summary>
    /// The next frame's payload (a copy the caller owns). Frames that arrived before a drop are still delivered; with none
    /// queued and no connection, it connects first. Throws <see cref="TcpClientSessionException"/> of kind
    /// <see cref="TcpClientErrorKind.ReceiveTimeout"/> when none comes within <paramref name="timeout"/> (the connection is
    /// unharmed), or of the drop's kind when the connection ends while waiting.
    /// </summary>
    public async ValueTask<byte[]> ReceiveFrameAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await TryReceiveFrameAsync(timeout, cancellationToken).ConfigureAwait(false)
        ?? throw new TcpClientSessionException(TcpClientErrorKind.ReceiveTimeout, $"No frame from {Target} within {timeout.TotalMilliseconds:0} ms.");

    /// <summary>As <see cref="ReceiveFrameAsync(TimeSpan, CancellationToken)"/>, but a timeout gives null instead of throwing.</summary>
    public async ValueTask<byte[]?> TryReceiveFrameAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout cannot be negative.");
        }

        ObjectDisposedException.ThrowIf(_closed, this);
        if (_inbox.Reader.TryRead(out byte[]? frame))
        {
            return frame;
        }

        using var deadline = new CancellationTokenSource(timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        ClientConnection? connection = null;
        try
        {
            connection = await EnsureConnectedAsync(linked.Token).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, connection.Ended);
            return await _inbox.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A frame queued just before the drop or the deadline is still the caller's.
            if (_inbox.Reader.TryRead(out frame))
            {
                return frame;
            }

            if (deadline.IsCancellationRequested || connection is null)
            {
                _counters.ReceiveTimedOut();
                return null;
            }

            throw new TcpClientSessionException(connection.EndKind ?? TcpClientErrorKind.NotConnected,
                $"The connection to {Target} ended while waiting for a frame: {connection.EndReason}.");
        }
        catch (ChannelClosedException ex)
        {
            throw new ObjectDisposedException($"{Name} was closed while waiting for a frame.", ex);
        }
    }

    /// <summary>Queues a frame for the caller; waits when the queue is full, which stops the read loop and so the server.</summary>
    internal ValueTask DeliverAsync(byte[] frame, CancellationToken cancellationToken) =>
        _inbox.Writer.WriteAsync(frame, cancellationToken);
}
