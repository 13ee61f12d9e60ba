using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetOpsPS.Sockets.Framing;

namespace NetOpsPS.Sockets.Tests.Framing.Support;

/// <summary>
/// A hand-built stream of delimited frames and what a delimiter decoder must make of it. Each frame names the
/// delimiter that ends it (the test's author has worked out which one the rules pick); text is Latin-1, one
/// byte a character, so "\0" or "\xFF" are bytes as written.
/// </summary>
internal sealed class DelimitedStream
{
    private readonly List<(byte[] Payload, byte[] Delimiter)> _frames = [];
    private byte[] _tail = [];

    public DelimitedStream Frame(string payload, string delimiter)
    {
        _frames.Add((Encoding.Latin1.GetBytes(payload), Encoding.Latin1.GetBytes(delimiter)));
        return this;
    }

    public DelimitedStream Tail(string tail)
    {
        _tail = Encoding.Latin1.GetBytes(tail);
        return this;
    }

    public byte[] ToArray() => _frames.SelectMany(f => f.Payload.Concat(f.Delimiter)).Concat(_tail).ToArray();

    /// <summary>
    /// A frame over the maximum is one TooLong whenever it is reported. Bytes left without a delimiter are
    /// Truncated; over the maximum they are TooLong, and then Truncated too when fail-fast had reported it already.
    /// </summary>
    public List<string> Expected(int maxFrameLength, bool stripDelimiter, bool failFast)
    {
        var events = _frames
            .Select(f => f.Payload.Length > maxFrameLength
                ? FrameEvents.Error(FramingError.TooLong)
                : FrameEvents.Frame(stripDelimiter ? f.Payload : [.. f.Payload, .. f.Delimiter]))
            .ToList();
        if (_tail.Length > maxFrameLength)
        {
            events.Add(FrameEvents.Error(FramingError.TooLong));
            if (failFast)
            {
                events.Add(FrameEvents.Error(FramingError.Truncated));
            }
        }
        else if (_tail.Length > 0)
        {
            events.Add(FrameEvents.Error(FramingError.Truncated));
        }

        return events;
    }
}
