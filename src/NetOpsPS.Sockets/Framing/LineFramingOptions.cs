using System;
using NetOpsPS.Sockets.Framing.Internal;

namespace NetOpsPS.Sockets.Framing;

/// <summary>
/// Lines ended by LF or CRLF, as Netty's LineBasedFrameDecoder cuts them. The maximum counts the line without its
/// ending; the decoder never keeps more than the maximum plus one byte (a CR that may start a CRLF) waiting.
/// </summary>
public sealed class LineFramingOptions : FramingOptions
{
    private readonly DelimiterSet _delimiters;

    /// <summary>Validates and keeps the settings.</summary>
    /// <param name="maxLength">The longest line, without its ending, in bytes; at least 1.</param>
    /// <param name="stripDelimiter">Whether frames leave out the line ending (Netty's default) or keep it.</param>
    /// <param name="failFast">Whether an over-long line is reported as soon as it passes the maximum, or once its
    /// ending has come (Netty's default). It is discarded as it arrives either way.</param>
    /// <param name="lineEnding">The ending the encoder writes; the decoder takes LF and CRLF alike.</param>
    public LineFramingOptions(int maxLength, bool stripDelimiter = true, bool failFast = false, LineEnding lineEnding = LineEnding.Lf)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (!Enum.IsDefined(lineEnding))
        {
            throw new ArgumentOutOfRangeException(nameof(lineEnding), lineEnding, "The line ending must be Lf or CrLf.");
        }

        MaxLength = maxLength;
        StripDelimiter = stripDelimiter;
        FailFast = failFast;
        LineEnding = lineEnding;
        _delimiters = DelimiterSet.Lines(lineEnding);
    }

    /// <summary>The longest line, without its ending, in bytes.</summary>
    public int MaxLength { get; }

    /// <summary>Whether frames leave out the line ending.</summary>
    public bool StripDelimiter { get; }

    /// <summary>Whether an over-long line is reported as soon as it passes the maximum.</summary>
    public bool FailFast { get; }

    /// <summary>The ending the encoder writes.</summary>
    public LineEnding LineEnding { get; }

    /// <inheritdoc/>
    public override IFrameDecoder CreateDecoder() => new DelimiterFrameDecoder(_delimiters, MaxLength, StripDelimiter, FailFast);

    /// <summary>
    /// Writes the payload and <see cref="LineEnding"/>. Unencodable: a payload longer than the maximum, holding an
    /// LF, or (with LF endings) ending in CR, since the decoder would read any of them back otherwise.
    /// </summary>
    public override IFrameEncoder CreateEncoder() => new DelimiterFrameEncoder(_delimiters, MaxLength);

    /// <inheritdoc/>
    public override string Describe() =>
        $"line: LF or CRLF, max {MaxLength} bytes, ending {(StripDelimiter ? "stripped" : "kept")}, fail-fast {(FailFast ? "on" : "off")}, writes {(LineEnding == LineEnding.CrLf ? "CRLF" : "LF")}";
}
