using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;

namespace NetOpsPS.Sockets.Framing.Internal;

/// <summary>
/// The delimiters of a frame decoder, and the search for the one that ends the next frame. Immutable: one set
/// serves every connection of a server.
/// </summary>
/// <remarks>
/// Netty's DelimiterBasedFrameDecoder cuts at the delimiter that gives the shortest frame, that is the one that
/// starts first, and of those starting at the same byte the first in the list. Netty decides on the bytes it
/// has, so with delimiters that overlap ("abc" before "ab", or "b" and "abX") its frames depend on how the
/// stream was split. This search decides only once no delimiter can still start earlier, or win at the same
/// byte, with more bytes: frames are the same whatever the split, and what the caller must keep waiting is
/// shorter than the longest delimiter.
/// </remarks>
internal sealed class DelimiterSet
{
    private readonly byte[][] _delimiters;
    private readonly byte[] _firstBytes;

    public DelimiterSet(IEnumerable<byte[]> delimiters)
    {
        _delimiters = delimiters.Select(d => (byte[])d.Clone()).ToArray();
        _firstBytes = _delimiters.Select(d => d[0]).Distinct().ToArray();
        MaxLength = _delimiters.Max(d => d.Length);
    }

    public static DelimiterSet Lines(LineEnding first) => first == LineEnding.CrLf
        ? new DelimiterSet([[(byte)'\r', (byte)'\n'], [(byte)'\n']])
        : new DelimiterSet([[(byte)'\n'], [(byte)'\r', (byte)'\n']]);

    public int Count => _delimiters.Length;

    public int MaxLength { get; }

    public ReadOnlySpan<byte> this[int index] => _delimiters[index];

    public ReadOnlyMemory<byte> AsMemory(int index) => _delimiters[index];

    /// <summary>
    /// Searches <paramref name="buffer"/> from <paramref name="from"/> (the bytes before it are known to start no
    /// delimiter). At <paramref name="endOfStream"/> no more bytes will come, so a delimiter cut short by the end
    /// of the buffer can no longer match.
    /// </summary>
    public DelimiterMatch Find(in ReadOnlySequence<byte> buffer, long from, bool endOfStream)
    {
        var reader = new SequenceReader<byte>(buffer);
        reader.Advance(from);
        while (reader.TryAdvanceToAny(_firstBytes, advancePastDelimiter: false))
        {
            // In list order the first delimiter that matches here, whole or as far as the buffer goes, decides.
            for (int i = 0; i < _delimiters.Length; i++)
            {
                byte[] delimiter = _delimiters[i];
                if (reader.IsNext(delimiter))
                {
                    return new DelimiterMatch(reader.Consumed, i);
                }

                if (!endOfStream && reader.Remaining < delimiter.Length && reader.IsNext(delimiter.AsSpan(0, (int)reader.Remaining)))
                {
                    return new DelimiterMatch(reader.Consumed, -1);
                }
            }

            reader.Advance(1);
        }

        return new DelimiterMatch(buffer.Length, -1);
    }

    /// <summary>The delimiters as text for <see cref="FramingOptions.Describe"/>, in list order.</summary>
    public string Describe() => string.Join(" | ", _delimiters.Select(d => ByteText.Describe(d)));
}
