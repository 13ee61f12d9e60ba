using System;
using System.Buffers.Binary;

namespace NetOpsPS.Capture.Tls;

/// <summary>What the start of one direction of a TCP stream holds.</summary>
internal enum TlsScanState
{
    /// <summary>TLS so far, but the first handshake message is not complete yet.</summary>
    NeedMore,

    /// <summary>The first handshake message is complete.</summary>
    Message,

    /// <summary>The stream does not start with a TLS handshake record.</summary>
    NotTls,

    /// <summary>TLS records, but they break the rules before the message completes; the bytes so far are kept.</summary>
    Malformed,
}

/// <summary>The outcome of <see cref="TlsHandshakeScanner.Scan"/>.</summary>
internal readonly record struct TlsScanResult(
    TlsScanState State,
    byte MessageType,
    int DeclaredLength,
    byte[] Body,
    ushort RecordVersion,
    int BytesNeeded,
    string? Problem);

/// <summary>
/// Walks the TLS record layer (RFC 8446 §5.1) at the start of a stream and joins the fragments of the first
/// handshake message (§4: a message may span records, and records may span TCP segments).
/// </summary>
internal static class TlsHandshakeScanner
{
    private const byte ChangeCipherSpecContentType = 20;
    private const byte AlertContentType = 21;
    private const byte HandshakeContentType = 22;
    private const int RecordHeaderLength = 5;
    private const int HandshakeHeaderLength = 4;

    // RFC 8446 §5.2: a record's length never exceeds 2^14 + 256 (TLSCiphertext); 2^14 + 2048 in TLS 1.2 (RFC 5246 §6.2.3).
    private const int MaxRecordLength = (1 << 14) + 2048;

    /// <summary>
    /// Scans <paramref name="stream"/> (the in-order bytes of one direction from its start). A message larger
    /// than <paramref name="maxMessageBytes"/> is reported Malformed with the bytes present, never buffered further.
    /// </summary>
    public static TlsScanResult Scan(ReadOnlySpan<byte> stream, int maxMessageBytes)
    {
        if (stream.Length >= 1 && stream[0] is not (HandshakeContentType or AlertContentType or ChangeCipherSpecContentType))
        {
            return Result(TlsScanState.NotTls, problem: $"first byte 0x{stream[0]:x2} is not a TLS handshake, alert or change_cipher_spec record");
        }

        if (stream.Length >= 2 && stream[1] != 3)
        {
            return Result(TlsScanState.NotTls, problem: $"record version major {stream[1]} is not 3");
        }

        ushort recordVersion = stream.Length >= 3 ? BinaryPrimitives.ReadUInt16BigEndian(stream[1..3]) : (ushort)0;
        byte[] message = new byte[Math.Min(stream.Length, maxMessageBytes + HandshakeHeaderLength)];
        int messageLength = 0;
        int offset = 0;
        string? alerts = null;
        while (true)
        {
            if (stream.Length - offset < RecordHeaderLength)
            {
                return NeedMore(message, messageLength, recordVersion, offset + RecordHeaderLength);
            }

            byte contentType = stream[offset];
            int recordLength = BinaryPrimitives.ReadUInt16BigEndian(stream.Slice(offset + 3, 2));
            if (messageLength == 0 && contentType is AlertContentType or ChangeCipherSpecContentType && recordLength <= MaxRecordLength)
            {
                // A warning alert may come first: s_server sends unrecognized_name(112) before its TLS 1.2 ServerHello.
                alerts = contentType == AlertContentType && stream.Length - offset >= RecordHeaderLength + 2
                    ? $"alert level {stream[offset + 5]} description {stream[offset + 6]} before the hello"
                    : alerts;
                if (stream.Length - offset < RecordHeaderLength + recordLength)
                {
                    return NeedMore(message, messageLength, recordVersion, offset + RecordHeaderLength + recordLength) with { Problem = alerts };
                }

                offset += RecordHeaderLength + recordLength;
                continue;
            }

            if (contentType != HandshakeContentType)
            {
                return Partial(TlsScanState.Malformed, message, messageLength, recordVersion, alerts ?? $"a record of content type {contentType} comes before the handshake message is complete");
            }

            if (recordLength == 0 || recordLength > MaxRecordLength)
            {
                return Partial(TlsScanState.Malformed, message, messageLength, recordVersion, $"record length {recordLength} is out of range (RFC 8446 §5.1)");
            }

            int available = Math.Min(recordLength, stream.Length - offset - RecordHeaderLength);
            int take = Math.Min(available, message.Length - messageLength);
            stream.Slice(offset + RecordHeaderLength, take).CopyTo(message.AsSpan(messageLength));
            messageLength += take;

            if (messageLength >= HandshakeHeaderLength)
            {
                int declared = (message[1] << 16) | (message[2] << 8) | message[3];
                if (declared > maxMessageBytes)
                {
                    return Partial(TlsScanState.Malformed, message, messageLength, recordVersion, $"handshake message of {declared} bytes exceeds the {maxMessageBytes}-byte bound");
                }

                if (messageLength >= HandshakeHeaderLength + declared)
                {
                    return new TlsScanResult(TlsScanState.Message, message[0], declared, message.AsSpan(HandshakeHeaderLength, declared).ToArray(), recordVersion, 0, null);
                }
            }

            if (available < recordLength)
            {
                return NeedMore(message, messageLength, recordVersion, offset + RecordHeaderLength + recordLength);
            }

            offset += RecordHeaderLength + recordLength;
        }
    }

    private static TlsScanResult NeedMore(byte[] message, int messageLength, ushort recordVersion, int bytesNeeded) =>
        Partial(TlsScanState.NeedMore, message, messageLength, recordVersion, null) with { BytesNeeded = bytesNeeded };

    // The message bytes so far, so that a flow that ends or breaks here can still report the fields it carried.
    private static TlsScanResult Partial(TlsScanState state, byte[] message, int messageLength, ushort recordVersion, string? problem)
    {
        if (messageLength < HandshakeHeaderLength)
        {
            return new TlsScanResult(state, 0, 0, [], recordVersion, 0, problem);
        }

        int declared = (message[1] << 16) | (message[2] << 8) | message[3];
        int bodyLength = Math.Min(declared, messageLength - HandshakeHeaderLength);
        return new TlsScanResult(state, message[0], declared, message.AsSpan(HandshakeHeaderLength, bodyLength).ToArray(), recordVersion, 0, problem);
    }

    private static TlsScanResult Result(TlsScanState state, string? problem) => new(state, 0, 0, [], 0, 0, problem);
}
