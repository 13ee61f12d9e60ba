using System.Buffers;

namespace NetOpsPS.Sockets.Framing;

/// <summary>
/// Cuts a byte stream into frames. One instance per connection: a decoder may keep state between
/// calls (a too-long frame being discarded, say). Decoders never hold bytes themselves; the caller's
/// buffer (a client's PipeReader, a server connection's own) does, and a decoder that cannot make a frame says how much is buffered.
/// </summary>
public interface IFrameDecoder
{
    /// <summary>
    /// Takes the next frame from the start of <paramref name="buffer"/>. On true, <paramref name="frame"/>
    /// is the frame's payload (a slice of the buffer, valid until the caller advances past it) and
    /// <paramref name="buffer"/> starts after the bytes the frame used. On false, <paramref name="buffer"/>
    /// starts after any bytes the decoder has consumed and discarded; the rest must stay buffered, and the next
    /// call passes them again followed by any new bytes (a decoder may remember how far it has searched them).
    /// Throws <see cref="FramingException"/> for an over-long or malformed frame; <paramref name="buffer"/> then
    /// already starts after the bytes the decoder dropped, so a caller may go on decoding the next frame.
    /// </summary>
    bool TryDecode(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame);

    /// <summary>
    /// Called when the stream has ended: the bytes left (possibly empty) become a last frame
    /// (true), are ignored (false), or are an error (throws <see cref="FramingException"/> with
    /// <see cref="FramingError.Truncated"/>). After a true it may be called again while bytes remain: a
    /// delimiter decoder whose last bytes waited on a longer delimiter can have more than one frame left.
    /// </summary>
    bool TryDecodeLast(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame);
}
