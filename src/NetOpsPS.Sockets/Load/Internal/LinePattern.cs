using System;

namespace NetOpsPS.Sockets.Load.Internal;

/// <summary>
/// The bytes of request number n of a connection: the payload starts with n in lowercase hex (up to
/// eight digits, fewer when the payload is shorter) and goes on with a..z, then a line feed. A reply
/// that is lost, repeated or out of order then differs from the one expected, not just a corrupted one.
/// </summary>
internal static class LinePattern
{
    public const byte LineFeed = (byte)'\n';

    private const int SequenceDigits = 8;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Writes the template (sequence 0) of a payload followed by its line feed into <paramref name="line"/>.</summary>
    public static void WriteLine(Span<byte> line)
    {
        Span<byte> payload = line[..^1];
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)('a' + (i % 26));
        }

        WriteSequence(payload, 0);
        line[^1] = LineFeed;
    }

    /// <summary>Overwrites the sequence digits at the start of <paramref name="payload"/>.</summary>
    public static void WriteSequence(Span<byte> payload, long sequence)
    {
        ulong value = (ulong)sequence;
        for (int i = Math.Min(SequenceDigits, payload.Length) - 1; i >= 0; i--)
        {
            payload[i] = HexDigits[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
