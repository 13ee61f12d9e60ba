using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NetOpsPS.Devices.Snmp.Internal;

namespace NetOpsPS.Devices.Snmp;

/// <summary>
/// Who an SNMP request speaks as: a v1/v2c community, or a v3 USM user with its protocols.
/// Passwords are turned into keys at once (RFC 3414 A.2.1, the costly step) and never kept;
/// keys localised to an engine ID (A.2.2) are cached here, so one credential polling many agents
/// pays the password-to-key cost once and each engine ID once. Nothing secret is exposed or printed.
/// </summary>
public sealed class SnmpCredential
{
    /// <summary>RFC 3414 §11.2: passwords under 8 characters are refused (net-snmp refuses them too).</summary>
    public const int MinimumPasswordLength = 8;

    private readonly byte[]? _community;
    private readonly byte[]? _authKu;
    private readonly byte[]? _privKu;
    private readonly ConcurrentDictionary<string, UsmLocalizedKeys> _localized = new(StringComparer.Ordinal);

    private SnmpCredential(SnmpVersion version, byte[]? community, string? userName, SnmpAuthProtocol auth, byte[]? authKu, SnmpPrivProtocol priv, byte[]? privKu)
    {
        Version = version;
        _community = community;
        UserName = userName;
        AuthProtocol = auth;
        _authKu = authKu;
        PrivProtocol = priv;
        _privKu = privKu;
    }

    /// <summary>V1 and V2c for communities, V3 for users.</summary>
    public SnmpVersion Version { get; }

    /// <summary>The USM user name (v3), or null.</summary>
    public string? UserName { get; }

    /// <summary>The authentication protocol (v3).</summary>
    public SnmpAuthProtocol AuthProtocol { get; }

    /// <summary>The privacy protocol (v3).</summary>
    public SnmpPrivProtocol PrivProtocol { get; }

    /// <summary>What the protocols add up to.</summary>
    public SnmpSecurityLevel SecurityLevel =>
        PrivProtocol != SnmpPrivProtocol.None ? SnmpSecurityLevel.AuthPriv
        : AuthProtocol != SnmpAuthProtocol.None ? SnmpSecurityLevel.AuthNoPriv
        : SnmpSecurityLevel.NoAuthNoPriv;

    internal ReadOnlySpan<byte> CommunityBytes => _community;

    /// <summary>A v1 or v2c community.</summary>
    public static SnmpCredential Community(string community, SnmpVersion version = SnmpVersion.V2c)
    {
        ArgumentNullException.ThrowIfNull(community);
        if (version == SnmpVersion.V3)
        {
            throw new ArgumentException("A community is for SNMPv1 or v2c; v3 needs a USM user.", nameof(version));
        }

        return new SnmpCredential(version, Encoding.UTF8.GetBytes(community), null, SnmpAuthProtocol.None, null, SnmpPrivProtocol.None, null);
    }

    /// <summary>A v3 USM user. Passwords are read once here (UTF-8) and not kept.</summary>
    public static SnmpCredential User(
        string userName,
        SnmpAuthProtocol authProtocol = SnmpAuthProtocol.None,
        ReadOnlySpan<char> authPassword = default,
        SnmpPrivProtocol privProtocol = SnmpPrivProtocol.None,
        ReadOnlySpan<char> privPassword = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        if (Encoding.UTF8.GetByteCount(userName) > 32)
        {
            throw new ArgumentException("RFC 3414 §2.4: a USM user name is at most 32 octets.", nameof(userName));
        }

        if (privProtocol != SnmpPrivProtocol.None && authProtocol == SnmpAuthProtocol.None)
        {
            throw new ArgumentException("RFC 3414 §3.1.1: privacy needs authentication; give an auth protocol too.", nameof(privProtocol));
        }

        byte[]? authKu = null, privKu = null;
        if (authProtocol != SnmpAuthProtocol.None)
        {
            UsmAuthentication auth = UsmAuthentication.For(authProtocol);
            authKu = PasswordToKey(auth, authPassword, "authentication");
            if (privProtocol != SnmpPrivProtocol.None)
            {
                // RFC 3414 §2.6: the privacy key comes from the privacy password through the auth protocol's hash.
                privKu = PasswordToKey(auth, privPassword, "privacy");
            }
        }

        return new SnmpCredential(SnmpVersion.V3, null, userName, authProtocol, authKu, privProtocol, privKu);
    }

    /// <summary>Describes the credential without anything secret.</summary>
    public override string ToString() => Version == SnmpVersion.V3
        ? $"v3 user {UserName} ({SecurityLevel}, auth {AuthProtocol}, priv {PrivProtocol})"
        : $"{Version} community";

    /// <summary>The keys localised to <paramref name="engineId"/>, computed once per engine ID (RFC 3414 §2.6).</summary>
    internal UsmLocalizedKeys KeysFor(ReadOnlySpan<byte> engineId) =>
        _localized.GetOrAdd(Convert.ToHexString(engineId), static (hex, self) => self.Localize(Convert.FromHexString(hex)), this);

    private UsmLocalizedKeys Localize(byte[] engineId)
    {
        if (_authKu is null)
        {
            return new UsmLocalizedKeys(null, null);
        }

        UsmAuthentication auth = UsmAuthentication.For(AuthProtocol);
        byte[] authKey = auth.Localize(_authKu, engineId);
        byte[]? privKey = _privKu is null ? null : UsmPrivacy.LocalizeKey(auth, PrivProtocol, _privKu, engineId);
        return new UsmLocalizedKeys(authKey, privKey);
    }

    private static byte[] PasswordToKey(UsmAuthentication auth, ReadOnlySpan<char> password, string what)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"The {what} password is shorter than {MinimumPasswordLength} characters (RFC 3414 §11.2).", what == "privacy" ? "privPassword" : "authPassword");
        }

        byte[] bytes = new byte[Encoding.UTF8.GetByteCount(password)];
        try
        {
            Encoding.UTF8.GetBytes(password, bytes);
            return auth.PasswordToKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}

