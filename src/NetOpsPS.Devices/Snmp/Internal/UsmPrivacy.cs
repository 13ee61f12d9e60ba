using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Threading;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>
/// One USM privacy protocol bound to a localized key: DES-CBC (RFC 3414 §8.1.1) or AES-CFB-128
/// (RFC 3826 §3.1.2; draft-blumenthal-aes-usm-04 for 192 and 256 bits). Not thread-safe: one per client.
/// </summary>
internal sealed class UsmPrivacy : IDisposable
{
    private static long s_salt = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));

    private readonly SymmetricAlgorithm _cipher;
    private readonly byte[] _preIv;

    private UsmPrivacy(SnmpPrivProtocol protocol, SymmetricAlgorithm cipher, byte[] preIv)
    {
        Protocol = protocol;
        _cipher = cipher;
        _preIv = preIv;
    }

    public SnmpPrivProtocol Protocol { get; }

    private bool IsDes => Protocol == SnmpPrivProtocol.Des;

    /// <summary>Localized key bytes the protocol consumes (DES: 8 key + 8 pre-IV, RFC 3414 §8.1.1.1).</summary>
    public static int KeyLength(SnmpPrivProtocol protocol) => protocol switch
    {
        SnmpPrivProtocol.Des or SnmpPrivProtocol.Aes128 => 16,
        SnmpPrivProtocol.Aes192 or SnmpPrivProtocol.Aes192Cisco => 24,
        SnmpPrivProtocol.Aes256 or SnmpPrivProtocol.Aes256Cisco => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No privacy protocol."),
    };

    /// <summary>
    /// The localized privacy key, extended when the auth hash is shorter than the cipher key:
    /// Blumenthal (draft-blumenthal-aes-usm-04 §3.1.2.1) appends H(key so far);
    /// Reeder (draft-reeder-snmpv3-usm-3desede-00 §2.1, Cisco) appends localize(password-to-key(key so far)).
    /// </summary>
    public static byte[] LocalizeKey(UsmAuthentication auth, SnmpPrivProtocol protocol, ReadOnlySpan<byte> privKu, ReadOnlySpan<byte> engineId)
    {
        int needed = KeyLength(protocol);
        byte[] key = auth.Localize(privKu, engineId);
        bool reeder = protocol is SnmpPrivProtocol.Aes192Cisco or SnmpPrivProtocol.Aes256Cisco;
        while (key.Length < needed)
        {
            byte[] more = reeder ? auth.Localize(auth.PasswordToKey(key), engineId) : auth.Hash(key);
            key = [.. key, .. more];
        }

        return key.AsSpan(0, needed).ToArray();
    }

    public static UsmPrivacy Create(SnmpPrivProtocol protocol, byte[] localizedKey)
    {
        if (protocol == SnmpPrivProtocol.Des)
        {
            DES des = DES.Create();
            des.Key = localizedKey.AsSpan(0, 8).ToArray();
            return new UsmPrivacy(protocol, des, localizedKey.AsSpan(8, 8).ToArray());
        }

        Aes aes = Aes.Create();
        aes.Key = localizedKey;
        return new UsmPrivacy(protocol, aes, Array.Empty<byte>());
    }

    /// <summary>Encrypts a scopedPDU; <paramref name="privParameters"/> receives the 8-byte salt.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plain, int engineBoots, int engineTime, Span<byte> privParameters)
    {
        long salt = Interlocked.Increment(ref s_salt);
        Span<byte> iv = stackalloc byte[16];
        if (IsDes)
        {
            // RFC 3414 §8.1.1.1: salt = engineBoots || local 32-bit integer; IV = pre-IV XOR salt.
            BinaryPrimitives.WriteInt32BigEndian(privParameters, engineBoots);
            BinaryPrimitives.WriteInt32BigEndian(privParameters[4..], (int)salt);
            for (int i = 0; i < 8; i++)
            {
                iv[i] = (byte)(_preIv[i] ^ privParameters[i]);
            }

            // §8.1.1.2: pad to a multiple of 8; the padding is not removed on decryption (BER ignores it).
            byte[] padded = new byte[(plain.Length + 7) / 8 * 8];
            plain.CopyTo(padded);
            return _cipher.EncryptCbc(padded, iv[..8], PaddingMode.None);
        }

        BinaryPrimitives.WriteInt64BigEndian(privParameters, salt);
        AesIv(engineBoots, engineTime, privParameters, iv);
        return Cfb(plain, iv, encrypt: true);
    }

    /// <summary>Decrypts an encryptedPDU; null when it cannot be (wrong length or parameters).</summary>
    public byte[]? Decrypt(ReadOnlySpan<byte> cipherText, int engineBoots, int engineTime, ReadOnlySpan<byte> privParameters)
    {
        if (privParameters.Length != 8)
        {
            return null;
        }

        Span<byte> iv = stackalloc byte[16];
        if (IsDes)
        {
            if (cipherText.Length % 8 != 0)
            {
                return null;
            }

            for (int i = 0; i < 8; i++)
            {
                iv[i] = (byte)(_preIv[i] ^ privParameters[i]);
            }

            return _cipher.DecryptCbc(cipherText, iv[..8], PaddingMode.None);
        }

        AesIv(engineBoots, engineTime, privParameters, iv);
        return Cfb(cipherText, iv, encrypt: false);
    }

    public void Dispose() => _cipher.Dispose();

    // RFC 3826 §3.1.2.1: IV = engineBoots (4) || engineTime (4) || salt (8), all big-endian.
    private static void AesIv(int engineBoots, int engineTime, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        BinaryPrimitives.WriteInt32BigEndian(iv, engineBoots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], engineTime);
        salt.CopyTo(iv[8..]);
    }

    // CFB-128 is a stream mode: the output for a byte depends only on what precedes it, so padding the
    // input to whole blocks (which .NET's CFB requires) and cutting the output back is exact (RFC 3826 §3.1.3: no padding).
    private byte[] Cfb(ReadOnlySpan<byte> input, ReadOnlySpan<byte> iv, bool encrypt)
    {
        int whole = (input.Length + 15) / 16 * 16;
        byte[] buffer = new byte[whole];
        input.CopyTo(buffer);
        byte[] output = encrypt
            ? _cipher.EncryptCfb(buffer, iv, PaddingMode.None, 128)
            : _cipher.DecryptCfb(buffer, iv, PaddingMode.None, 128);
        return input.Length == whole ? output : output.AsSpan(0, input.Length).ToArray();
    }
}
