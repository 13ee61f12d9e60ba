using System;
using System.Collections.Generic;
using System.Linq;
using NetOpsPS.Sockets.Framing.Internal;

namespace NetOpsPS.Sockets.Framing;

/// <summary>
/// Frames ended by one of several delimiters, each any non-empty byte sequence, as Netty's
/// DelimiterBasedFrameDecoder cuts them: at the delimiter that gives the shortest frame, the first in the list
/// when two start at the same byte. Unlike Netty's, the result never depends on how the stream was split (see
/// the remarks). The decoder never keeps more than the maximum plus the longest delimiter's length waiting.
/// </summary>
/// <remarks>
/// Netty decides on the bytes it has: with delimiters "abc" then "ab", the bytes "xab" give it the frame "x"
/// ended by "ab", where "xabc" in one read gives "x" ended by "abc". This decoder waits for the byte that
/// decides, so both give the latter; at the end of the stream a delimiter that can no longer grow decides.
/// </remarks>
public sealed class DelimiterFramingOptions : FramingOptions
{
    private readonly DelimiterSet _delimiters;

    /// <summary>Validates and keeps the settings.</summary>
    /// <param name="maxFrameLength">The longest frame, without its delimiter, in bytes; at least 1.</param>
    /// <param name="delimiters">One or more delimiters, none empty; the encoder writes the first. Copied.</param>
    /// <param name="stripDelimiter">Whether frames leave out the delimiter (Netty's default) or keep it.</param>
    /// <param name="failFast">Whether an over-long frame is reported as soon as it passes the maximum (Netty's
    /// default), or once its delimiter has come. It is discarded as it arrives either way.</param>
    public DelimiterFramingOptions(int maxFrameLength, IEnumerable<byte[]> delimiters, bool stripDelimiter = true, bool failFast = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameLength);
        ArgumentNullException.ThrowIfNull(delimiters);
        byte[][] list = delimiters.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one delimiter is needed.", nameof(delimiters));
        }

        if (list.Any(d => d is null || d.Length == 0))
        {
            throw new ArgumentException("A delimiter cannot be null or empty.", nameof(delimiters));
        }

        MaxFrameLength = maxFrameLength;
        StripDelimiter = stripDelimiter;
        FailFast = failFast;
        _delimiters = new DelimiterSet(list);
        Delimiters = Enumerable.Range(0, _delimiters.Count).Select(_delimiters.AsMemory).ToArray();
    }

    /// <summary>The longest frame, without its delimiter, in bytes.</summary>
    public int MaxFrameLength { get; }

    /// <summary>The delimiters, in the order that breaks ties; the encoder writes the first.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Delimiters { get; }

    /// <summary>Whether frames leave out the delimiter.</summary>
    public bool StripDelimiter { get; }

    /// <summary>Whether an over-long frame is reported as soon as it passes the maximum.</summary>
    public bool FailFast { get; }

    /// <inheritdoc/>
    public override IFrameDecoder CreateDecoder() => new DelimiterFrameDecoder(_delimiters, MaxFrameLength, StripDelimiter, FailFast);

    /// <summary>
    /// Writes the payload and the first delimiter. Unencodable: a payload longer than the maximum, or one the
    /// decoder would cut elsewhere (it holds a delimiter, or its end and the first delimiter make an earlier one).
    /// </summary>
    public override IFrameEncoder CreateEncoder() => new DelimiterFrameEncoder(_delimiters, MaxFrameLength);

    /// <inheritdoc/>
    public override string Describe() =>
        $"delimiter: {_delimiters.Describe()}, max {MaxFrameLength} bytes, delimiter {(StripDelimiter ? "stripped" : "kept")}, fail-fast {(FailFast ? "on" : "off")}";
}
