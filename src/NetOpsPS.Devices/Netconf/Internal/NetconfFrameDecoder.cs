using System;
using System.Buffers;
using System.Globalization;

namespace NetOpsPS.Devices.Netconf.Internal;

/// <summary>
/// Cuts the server's byte stream into messages: end-of-message framing "]]&gt;]]&gt;" (RFC 6242 §4.3) until both
/// sides announced base:1.1, then chunked framing (§4.2): LF #size LF data ... LF ## LF. Chunk data is copied as
/// it arrives, so a reply split over many chunks and packets is read once. Every message is bounded; any framing
/// fault throws, because after it the stream cannot be trusted to resynchronise.
/// </summary>
internal sealed class NetconfFrameDecoder
{
    private static readonly byte[] EndOfMessage = "]]>]]>"u8.ToArray();
    private const int MaxChunkHeader = 13; // LF # 10 digits LF
    private readonly long _maxMessageSize;
    private readonly ArrayBufferWriter<byte> _message = new();
    private long _chunkLeft;
    private int _chunks;

    public NetconfFrameDecoder(long maxMessageSize) => _maxMessageSize = maxMessageSize;

    /// <summary>Chunked framing (base:1.1) from the next message on.</summary>
    public bool Chunked { get; set; }

    /// <summary>
    /// Consumes what it can of <paramref name="buffer"/>; true with a whole message when one ended. Call again with
    /// the rest until it returns false.
    /// </summary>
    public bool TryDecode(ref ReadOnlySequence<byte> buffer, out ReadOnlyMemory<byte> message)
    {
        message = default;
        return Chunked ? TryDecodeChunked(ref buffer, out message) : TryDecodeEndOfMessage(ref buffer, out message);
    }

    private bool TryDecodeEndOfMessage(ref ReadOnlySequence<byte> buffer, out ReadOnlyMemory<byte> message)
    {
        message = default;
        var reader = new SequenceReader<byte>(buffer);
        if (reader.TryReadTo(out ReadOnlySequence<byte> body, EndOfMessage, advancePastDelimiter: true))
        {
            Append(body);
            buffer = buffer.Slice(reader.Position);
            message = Take();
            return true;
        }

        // Keep a possible partial delimiter at the end; everything before it is message body.
        long safe = buffer.Length - (EndOfMessage.Length - 1);
        if (safe > 0)
        {
            Append(buffer.Slice(0, safe));
            buffer = buffer.Slice(safe);
        }

        return false;
    }

    private bool TryDecodeChunked(ref ReadOnlySequence<byte> buffer, out ReadOnlyMemory<byte> message)
    {
        message = default;
        Span<byte> head = stackalloc byte[MaxChunkHeader];
        while (true)
        {
            if (_chunkLeft > 0)
            {
                long take = Math.Min(_chunkLeft, buffer.Length);
                if (take == 0)
                {
                    return false;
                }

                Append(buffer.Slice(0, take));
                buffer = buffer.Slice(take);
                _chunkLeft -= take;
                continue;
            }

            if (buffer.Length < 4)
            {
                return false;
            }

            int have = (int)Math.Min(buffer.Length, MaxChunkHeader);
            buffer.Slice(0, have).CopyTo(head);
            if (head[0] != (byte)'\n' || head[1] != (byte)'#')
            {
                throw Fault($"expected a chunk header (LF #), found {Show(head[..Math.Min(have, 8)])}");
            }

            if (head[2] == (byte)'#')
            {
                if (head[3] != (byte)'\n')
                {
                    throw Fault($"expected LF after end-of-chunks ##, found {Show(head.Slice(3, 1))}");
                }

                if (_chunks == 0)
                {
                    throw Fault("end-of-chunks before any chunk (RFC 6242 §4.2: a message has at least one chunk)");
                }

                buffer = buffer.Slice(4);
                _chunks = 0;
                message = Take();
                return true;
            }

            int lf = head[2..have].IndexOf((byte)'\n');
            if (lf < 0)
            {
                if (have == MaxChunkHeader)
                {
                    throw Fault("chunk size longer than 10 digits");
                }

                ValidateDigits(head[2..have]);
                return false;
            }

            ReadOnlySpan<byte> digits = head.Slice(2, lf);
            ValidateDigits(digits);
            if (digits.Length == 0 || digits[0] == (byte)'0')
            {
                throw Fault($"chunk size '{Show(digits)}' is not 1-4294967295 without leading zeros");
            }

            ulong size = ulong.Parse(System.Text.Encoding.ASCII.GetString(digits), NumberStyles.None, CultureInfo.InvariantCulture);
            if (size > uint.MaxValue)
            {
                throw Fault($"chunk size {size} exceeds 4294967295");
            }

            if ((long)size + _message.WrittenCount > _maxMessageSize)
            {
                throw Fault($"a chunk of {size} bytes would take the message past the limit of {_maxMessageSize} bytes");
            }

            buffer = buffer.Slice(2 + lf + 1);
            _chunkLeft = (long)size;
            _chunks++;
        }
    }

    private void ValidateDigits(ReadOnlySpan<byte> digits)
    {
        foreach (byte b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                throw Fault($"chunk size contains {Show(digits)}");
            }
        }
    }

    private void Append(ReadOnlySequence<byte> data)
    {
        if (_message.WrittenCount + data.Length > _maxMessageSize)
        {
            throw Fault($"a message exceeds the limit of {_maxMessageSize} bytes" + (Chunked ? string.Empty : " (no ]]>]]> delimiter in sight)"));
        }

        foreach (ReadOnlyMemory<byte> segment in data)
        {
            _message.Write(segment.Span);
        }
    }

    // The one copy of a message: the writer is reused for the next one, and SafeXml parses this array in place.
    private ReadOnlyMemory<byte> Take()
    {
        byte[] copy = _message.WrittenSpan.ToArray();
        _message.ResetWrittenCount();
        return copy;
    }

    private NetconfException Fault(string what) =>
        new(NetconfError.Framing, $"NETCONF framing error ({(Chunked ? "base:1.1 chunked" : "base:1.0 end-of-message")}): {what}; the session is closed.");

    private static string Show(ReadOnlySpan<byte> bytes)
    {
        var sb = new System.Text.StringBuilder();
        foreach (byte b in bytes)
        {
            sb.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return sb.ToString();
    }
}
