using System;
using System.Buffers;
using System.Buffers.Text;

namespace NetOpsPS.Sockets.Client.Internal;

/// <summary>
/// The application heartbeat the servers of this engine speak: a frame <c>PING &lt;n&gt;</c> is answered with
/// <c>PONG &lt;n&gt;</c>, n a decimal sequence number. A trailing CR or LF is tolerated, for decoders that keep
/// their delimiter.
/// </summary>
internal static class HeartbeatFrame
{
    // Longest frame worth looking at: "PONG " and the 20 digits of a long, with CRLF.
    private const int MaxLength = 27;

    public static byte[] Ping(long sequence) => Make("PING "u8, sequence);

    public static byte[] Pong(long sequence) => Make("PONG "u8, sequence);

    public static bool TryParsePing(in ReadOnlySequence<byte> frame, out long sequence) => TryParse(frame, "PING "u8, out sequence);

    public static bool TryParsePong(in ReadOnlySequence<byte> frame, out long sequence) => TryParse(frame, "PONG "u8, out sequence);

    private static byte[] Make(ReadOnlySpan<byte> verb, long sequence)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        verb.CopyTo(buffer);
        Utf8Formatter.TryFormat(sequence, buffer[verb.Length..], out int digits);
        return buffer[..(verb.Length + digits)].ToArray();
    }

    private static bool TryParse(in ReadOnlySequence<byte> frame, ReadOnlySpan<byte> verb, out long sequence)
    {
        sequence = 0;
        if (frame.Length <= verb.Length || frame.Length > MaxLength)
        {
            return false;
        }

        Span<byte> text = stackalloc byte[MaxLength];
        text = text[..(int)frame.Length];
        frame.CopyTo(text);
        text = text.TrimEnd("\r\n"u8);
        return text.StartsWith(verb)
            && Utf8Parser.TryParse(text[verb.Length..], out sequence, out int used)
            && used == text.Length - verb.Length
            && sequence >= 0;
    }
}
