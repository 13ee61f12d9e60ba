namespace NetOpsPS.Devices.Snmp;

/// <summary>The message version (RFC 3416 §3 for v1/v2c community messages, RFC 3412 §6 for v3).</summary>
public enum SnmpVersion
{
    /// <summary>SNMPv1 (RFC 1157), community based.</summary>
    V1 = 0,
    /// <summary>SNMPv2c (RFC 1901), community based, with GetBulk and exception states.</summary>
    V2c = 1,
    /// <summary>SNMPv3 with the User-based Security Model (RFC 3414).</summary>
    V3 = 3,
}

/// <summary>RFC 3411 §3.4.3 securityLevel.</summary>
public enum SnmpSecurityLevel
{
    /// <summary>No authentication, no privacy.</summary>
    NoAuthNoPriv,
    /// <summary>Authentication, no privacy.</summary>
    AuthNoPriv,
    /// <summary>Authentication and privacy.</summary>
    AuthPriv,
}

/// <summary>USM authentication protocols: RFC 3414 §6-7 (HMAC-MD5-96, HMAC-SHA-96) and RFC 7860 §4 (HMAC-SHA-2).</summary>
public enum SnmpAuthProtocol
{
    /// <summary>No authentication.</summary>
    None,
    /// <summary>usmHMACMD5AuthProtocol: HMAC-MD5 truncated to 12 bytes.</summary>
    Md5,
    /// <summary>usmHMACSHAAuthProtocol: HMAC-SHA-1 truncated to 12 bytes.</summary>
    Sha1,
    /// <summary>usmHMAC128SHA224AuthProtocol: HMAC-SHA-224 truncated to 16 bytes.</summary>
    Sha224,
    /// <summary>usmHMAC192SHA256AuthProtocol: HMAC-SHA-256 truncated to 24 bytes.</summary>
    Sha256,
    /// <summary>usmHMAC256SHA384AuthProtocol: HMAC-SHA-384 truncated to 32 bytes.</summary>
    Sha384,
    /// <summary>usmHMAC384SHA512AuthProtocol: HMAC-SHA-512 truncated to 48 bytes.</summary>
    Sha512,
}

/// <summary>
/// USM privacy protocols: DES-CBC (RFC 3414 §8), AES-CFB-128 (RFC 3826), and AES-192/256 whose key,
/// when the auth hash is too short, is extended either as draft-blumenthal-aes-usm-04 §3.1.2.1 says
/// (net-snmp "AES-256") or as draft-reeder-snmpv3-usm-3desede §2.1 says (Cisco, net-snmp "AES-256-C").
/// </summary>
public enum SnmpPrivProtocol
{
    /// <summary>No privacy.</summary>
    None,
    /// <summary>usmDESPrivProtocol, CBC-DES.</summary>
    Des,
    /// <summary>usmAesCfb128Protocol.</summary>
    Aes128,
    /// <summary>AES-192-CFB, Blumenthal key extension.</summary>
    Aes192,
    /// <summary>AES-256-CFB, Blumenthal key extension.</summary>
    Aes256,
    /// <summary>AES-192-CFB, Reeder ("Cisco") key extension.</summary>
    Aes192Cisco,
    /// <summary>AES-256-CFB, Reeder ("Cisco") key extension.</summary>
    Aes256Cisco,
}
