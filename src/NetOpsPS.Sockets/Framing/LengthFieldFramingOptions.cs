using System;
using NetOpsPS.Sockets.Framing.Internal;

namespace NetOpsPS.Sockets.Framing;

/// <summary>
/// Frames that say their own length, with every setting of Netty's LengthFieldBasedFrameDecoder and its rules:
/// a frame is <see cref="LengthFieldOffset"/> + <see cref="LengthFieldLength"/> + the field's value +
/// <see cref="LengthAdjustment"/> bytes long; the frame handed out leaves out its first
/// <see cref="InitialBytesToStrip"/> bytes. Malformed: a frame shorter than its header (its header is skipped),
/// a negative 8-byte field (likewise), a frame shorter than the bytes to strip (skipped whole). Too long: a frame
/// over <see cref="MaxFrameLength"/>, header included, discarded as its bytes arrive. After either the decoder
/// goes on with the next frame. The decoder never keeps more than one frame waiting.
/// </summary>
public sealed class LengthFieldFramingOptions : FramingOptions
{
    /// <summary>Validates and keeps the settings (Netty's checks, and a field length of 1, 2, 3, 4 or 8).</summary>
    /// <param name="maxFrameLength">The longest frame, header included, in bytes; at least the header.</param>
    /// <param name="lengthFieldOffset">Where the length field starts in the frame; 0 or more.</param>
    /// <param name="lengthFieldLength">The length field's size: 1, 2, 3, 4 or 8 bytes (unsigned, but for 8).</param>
    /// <param name="lengthAdjustment">Added to the field's value to give the bytes after the field; negative
    /// when the field counts the header too.</param>
    /// <param name="initialBytesToStrip">Bytes left out at the start of each frame handed out; 0 or more.</param>
    /// <param name="byteOrder">The byte order of the length field.</param>
    /// <param name="failFast">Whether a too-long frame is reported as soon as its length field is read (Netty's
    /// default), or once all of it has gone by. It is discarded as it arrives either way.</param>
    public LengthFieldFramingOptions(
        int maxFrameLength,
        int lengthFieldOffset,
        int lengthFieldLength,
        int lengthAdjustment = 0,
        int initialBytesToStrip = 0,
        ByteOrder byteOrder = ByteOrder.BigEndian,
        bool failFast = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameLength);
        ArgumentOutOfRangeException.ThrowIfNegative(lengthFieldOffset);
        ArgumentOutOfRangeException.ThrowIfNegative(initialBytesToStrip);
        if (!LengthField.IsSupportedLength(lengthFieldLength))
        {
            throw new ArgumentOutOfRangeException(nameof(lengthFieldLength), lengthFieldLength, "The length field must be 1, 2, 3, 4 or 8 bytes long.");
        }

        if (!Enum.IsDefined(byteOrder))
        {
            throw new ArgumentOutOfRangeException(nameof(byteOrder), byteOrder, "The byte order must be BigEndian or LittleEndian.");
        }

        if ((long)lengthFieldOffset + lengthFieldLength > maxFrameLength)
        {
            throw new ArgumentException(
                $"maxFrameLength ({maxFrameLength}) must be at least lengthFieldOffset ({lengthFieldOffset}) + lengthFieldLength ({lengthFieldLength}).",
                nameof(maxFrameLength));
        }

        MaxFrameLength = maxFrameLength;
        LengthFieldOffset = lengthFieldOffset;
        LengthFieldLength = lengthFieldLength;
        LengthAdjustment = lengthAdjustment;
        InitialBytesToStrip = initialBytesToStrip;
        ByteOrder = byteOrder;
        FailFast = failFast;
    }

    /// <summary>The longest frame, header included, in bytes.</summary>
    public int MaxFrameLength { get; }

    /// <summary>Where the length field starts in the frame.</summary>
    public int LengthFieldOffset { get; }

    /// <summary>The length field's size in bytes.</summary>
    public int LengthFieldLength { get; }

    /// <summary>Added to the field's value to give the bytes after the field.</summary>
    public int LengthAdjustment { get; }

    /// <summary>Bytes left out at the start of each frame handed out.</summary>
    public int InitialBytesToStrip { get; }

    /// <summary>The byte order of the length field.</summary>
    public ByteOrder ByteOrder { get; }

    /// <summary>Whether a too-long frame is reported as soon as its length field is read.</summary>
    public bool FailFast { get; }

    /// <inheritdoc/>
    public override IFrameDecoder CreateDecoder() =>
        new LengthFieldFrameDecoder(MaxFrameLength, LengthFieldOffset, LengthFieldLength, LengthAdjustment, InitialBytesToStrip, ByteOrder, FailFast);

    /// <summary>
    /// Netty's LengthFieldPrepender set to match: writes <see cref="LengthFieldOffset"/> zero bytes, the length
    /// field, then the payload, so the decoder reads a frame of header + payload. The payload comes back exactly
    /// when <see cref="InitialBytesToStrip"/> is the header's length (offset + field), the usual pairing; with
    /// less stripped it comes back behind the header bytes kept. Unencodable: a frame over the maximum, or a
    /// length the field cannot hold (negative after the adjustment, or too large for the field).
    /// </summary>
    public override IFrameEncoder CreateEncoder() =>
        new LengthFieldPrepender(LengthFieldLength, -(long)LengthAdjustment, lengthIncludesLengthFieldLength: false, ByteOrder, LengthFieldOffset, MaxFrameLength);

    /// <inheritdoc/>
    public override string Describe() =>
        $"length field: {LengthFieldLength} bytes {(ByteOrder == ByteOrder.BigEndian ? "big" : "little")}-endian at offset {LengthFieldOffset}, adjustment {LengthAdjustment}, strip {InitialBytesToStrip}, max {MaxFrameLength} bytes, fail-fast {(FailFast ? "on" : "off")}";
}
