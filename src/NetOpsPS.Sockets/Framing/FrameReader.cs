using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace NetOpsPS.Sockets.Framing;

/// <summary>
/// Reads frames from a <see cref="PipeReader"/> through an <see cref="IFrameDecoder"/>. Frames are slices of the
/// pipe's buffer, not copies: one stays valid until the next call to <see cref="ReadFrameAsync"/> or
/// <see cref="TryReadFrame"/>, or until the pipe reader is completed; copy it to keep it longer. Not thread-safe:
/// one reader per connection, as the pipe allows. The pipe reader stays the caller's to complete.
/// </summary>
/// <remarks>
/// Frames already in the buffer are handed out without touching the pipe, so a caller can take every frame of a
/// read with <see cref="TryReadFrame"/> and answer them in one write. When no whole frame is buffered the reader
/// tells the pipe that it consumed what the decoder used or discarded and examined the rest, so the next read
/// waits for new bytes instead of returning the same partial frame again. A <see cref="FramingException"/> from
/// the decoder leaves the reader past the bytes the decoder dropped: a caller may read on. At the end of the
/// stream <see cref="IFrameDecoder.TryDecodeLast"/> is called, again after each frame it gives while bytes remain
/// and it makes progress, and then the reader returns null for good.
/// </remarks>
public sealed class FrameReader
{
    private readonly PipeReader _reader;
    private readonly IFrameDecoder _decoder;
    private ReadOnlySequence<byte> _buffer;
    private bool _holding;
    private bool _completed;
    private bool _lastTaken;
    private bool _ended;

    /// <summary>Reads <paramref name="reader"/> with <paramref name="decoder"/>, which must be this stream's own.</summary>
    public FrameReader(PipeReader reader, IFrameDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(decoder);
        _reader = reader;
        _decoder = decoder;
    }

    /// <summary>
    /// The next frame, or null once the stream has ended and its last bytes are decoded. Throws
    /// <see cref="FramingException"/> for a frame the decoder rejects (the next call reads on),
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires or the pending read
    /// is cancelled (buffered bytes are kept for the next call).
    /// </summary>
    public ValueTask<ReadOnlySequence<byte>?> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        if (TryReadFrame(out ReadOnlySequence<byte> frame))
        {
            return new ValueTask<ReadOnlySequence<byte>?>(frame);
        }

        return _ended ? new ValueTask<ReadOnlySequence<byte>?>((ReadOnlySequence<byte>?)null) : ReadFromPipeAsync(cancellationToken);
    }

    /// <summary>The next frame if one is already buffered; never waits and never reads the pipe.</summary>
    public bool TryReadFrame(out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (!_holding)
        {
            return false;
        }

        if (_decoder.TryDecode(ref _buffer, out frame))
        {
            return true;
        }

        if (!_completed)
        {
            return false;
        }

        if (!_lastTaken)
        {
            long before = _buffer.Length;
            if (_decoder.TryDecodeLast(ref _buffer, out frame))
            {
                // Called again only while it makes progress on bytes left, so a decoder that hands out
                // "the rest" as a last frame (possibly empty) is not asked for it forever.
                _lastTaken = _buffer.IsEmpty || _buffer.Length == before;
                return true;
            }
        }

        _ended = true;
        _holding = false;
        _reader.AdvanceTo(_buffer.End);
        return false;
    }

    private async ValueTask<ReadOnlySequence<byte>?> ReadFromPipeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_holding)
            {
                // Consumed: what the decoder used or dropped. Examined: all of it, so the read waits for more.
                _holding = false;
                _reader.AdvanceTo(_buffer.Start, _buffer.End);
            }

            ReadResult result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            _buffer = result.Buffer;
            _holding = true;
            _completed = result.IsCompleted;
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("The pending read was cancelled.");
            }

            if (TryReadFrame(out ReadOnlySequence<byte> frame))
            {
                return frame;
            }

            if (_ended)
            {
                return null;
            }
        }
    }
}
