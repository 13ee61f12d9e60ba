using System;
using System.Security.Cryptography;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>
/// One USM authentication protocol: its hash (for password-to-key and localisation, RFC 3414 A.2 and
/// RFC 7860 §9.3) and its HMAC truncated to the length RFC 3414 §6.3.1/§7.3.1 and RFC 7860 §4.2.1 give.
/// </summary>
internal sealed class UsmAuthentication
{
    private static readonly UsmAuthentication Md5 = new(SnmpAuthProtocol.Md5, 12, d => MD5.HashData(d.Span), (k, d) => HMACMD5.HashData(k, d.Span));
    private static readonly UsmAuthentication Sha1 = new(SnmpAuthProtocol.Sha1, 12, d => SHA1.HashData(d.Span), (k, d) => HMACSHA1.HashData(k, d.Span));
    private static readonly UsmAuthentication Sha224Auth = new(SnmpAuthProtocol.Sha224, 16, d => Sha224.Hash(d), (k, d) => Sha224.Hmac(k, d));
    private static readonly UsmAuthentication Sha256 = new(SnmpAuthProtocol.Sha256, 24, d => SHA256.HashData(d.Span), (k, d) => HMACSHA256.HashData(k, d.Span));
    private static readonly UsmAuthentication Sha384 = new(SnmpAuthProtocol.Sha384, 32, d => SHA384.HashData(d.Span), (k, d) => HMACSHA384.HashData(k, d.Span));
    private static readonly UsmAuthentication Sha512 = new(SnmpAuthProtocol.Sha512, 48, d => SHA512.HashData(d.Span), (k, d) => HMACSHA512.HashData(k, d.Span));

    /// <summary>RFC 3414 A.2.1: the password is repeated to fill one megabyte, which is hashed.</summary>
    private const int ExpandedPasswordLength = 1024 * 1024;

    private readonly Func<ReadOnlyMemory<byte>, byte[]> _hash;
    private readonly Func<ReadOnlyMemory<byte>[], byte[]> _hashParts;
    private readonly Func<byte[], ReadOnlyMemory<byte>, byte[]> _hmac;

    private UsmAuthentication(SnmpAuthProtocol protocol, int macLength, Func<ReadOnlyMemory<byte>, byte[]> hash, Func<byte[], ReadOnlyMemory<byte>, byte[]> hmac)
    {
        Protocol = protocol;
        MacLength = macLength;
        _hash = hash;
        _hmac = hmac;
        HashAlgorithmName? name = protocol switch
        {
            SnmpAuthProtocol.Md5 => HashAlgorithmName.MD5,
            SnmpAuthProtocol.Sha1 => HashAlgorithmName.SHA1,
            SnmpAuthProtocol.Sha256 => HashAlgorithmName.SHA256,
            SnmpAuthProtocol.Sha384 => HashAlgorithmName.SHA384,
            SnmpAuthProtocol.Sha512 => HashAlgorithmName.SHA512,
            _ => null,
        };
        _hashParts = name is { } algorithm ? parts => HashIncrementally(algorithm, parts) : Internal.Sha224.Hash;
    }

    public SnmpAuthProtocol Protocol { get; }

    /// <summary>The length of msgAuthenticationParameters.</summary>
    public int MacLength { get; }

    public static UsmAuthentication For(SnmpAuthProtocol protocol) => protocol switch
    {
        SnmpAuthProtocol.Md5 => Md5,
        SnmpAuthProtocol.Sha1 => Sha1,
        SnmpAuthProtocol.Sha224 => Sha224Auth,
        SnmpAuthProtocol.Sha256 => Sha256,
        SnmpAuthProtocol.Sha384 => Sha384,
        SnmpAuthProtocol.Sha512 => Sha512,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No authentication protocol."),
    };

    public byte[] Hash(ReadOnlyMemory<byte> data) => _hash(data);

    /// <summary>
    /// RFC 3414 A.2.1 password-to-key (Ku); RFC 7860 §9.3 keeps the algorithm for SHA-2. The megabyte of repeated
    /// password is hashed in chunks whose length is a multiple of the password's, so it is never built in memory.
    /// </summary>
    public byte[] PasswordToKey(ReadOnlySpan<byte> password)
    {
        if (password.IsEmpty)
        {
            throw new ArgumentException("The password is empty.", nameof(password));
        }

        int chunkLength = password.Length * ((4096 + password.Length - 1) / password.Length);
        byte[] chunk = new byte[chunkLength];
        try
        {
            for (int i = 0; i < chunk.Length; i += password.Length)
            {
                password.CopyTo(chunk.AsSpan(i));
            }

            var parts = new ReadOnlyMemory<byte>[(ExpandedPasswordLength + chunkLength - 1) / chunkLength];
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = chunk.AsMemory(0, Math.Min(chunkLength, ExpandedPasswordLength - (i * chunkLength)));
            }

            return _hashParts(parts);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chunk);
        }
    }

    /// <summary>RFC 3414 A.2.2 key localisation: Kul = H(Ku || snmpEngineID || Ku).</summary>
    public byte[] Localize(ReadOnlySpan<byte> ku, ReadOnlySpan<byte> engineId)
    {
        byte[] input = new byte[ku.Length * 2 + engineId.Length];
        ku.CopyTo(input);
        engineId.CopyTo(input.AsSpan(ku.Length));
        ku.CopyTo(input.AsSpan(ku.Length + engineId.Length));
        return _hash(input);
    }

    private static byte[] HashIncrementally(HashAlgorithmName algorithm, ReadOnlyMemory<byte>[] parts)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        foreach (ReadOnlyMemory<byte> part in parts)
        {
            hash.AppendData(part.Span);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The truncated HMAC over the whole message (RFC 3414 §6.3.1 step 2, RFC 7860 §4.2.1).</summary>
    public void Sign(byte[] key, ReadOnlyMemory<byte> message, Span<byte> mac) => _hmac(key, message).AsSpan(0, MacLength).CopyTo(mac);
}
