using System;
using System.Security.Cryptography;

namespace NetOpsPS.Devices.Ssh;

/// <summary>A server's public host key, with its fingerprint as OpenSSH prints it (SHA256:base64, no padding).</summary>
public sealed class SshHostKey
{
    /// <summary>Creates a host key from its SSH wire blob (RFC 4253 §6.6).</summary>
    public SshHostKey(string keyType, byte[] blob)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyType);
        ArgumentNullException.ThrowIfNull(blob);
        KeyType = keyType;
        Blob = (byte[])blob.Clone();
        Fingerprint = FingerprintOf(Blob);
    }

    /// <summary>The key's algorithm name as in known_hosts: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256...</summary>
    public string KeyType { get; }

    /// <summary>SHA256:... exactly as ssh and ssh-keygen -l print it.</summary>
    public string Fingerprint { get; }

    /// <summary>The key blob in base64, the second field of a known_hosts line.</summary>
    public string Base64 => Convert.ToBase64String(Blob);

    internal byte[] Blob { get; }

    /// <summary>The fingerprint of a key blob: SHA256 over the blob, base64 without '=' padding.</summary>
    public static string FingerprintOf(byte[] blob) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');

    /// <summary>True when both are the same key.</summary>
    public bool SameKeyAs(SshHostKey other) => other is not null && KeyType == other.KeyType && Blob.AsSpan().SequenceEqual(other.Blob);

    /// <inheritdoc />
    public override string ToString() => $"{KeyType} {Fingerprint}";
}
