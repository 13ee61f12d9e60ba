using System;
using System.Formats.Asn1;

namespace NetOpsPS.Devices.Snmp.Internal;

/// <summary>RFC 3412 §6 msgFlags bits.</summary>
[Flags]
internal enum MessageFlags : byte
{
    None = 0,
    Auth = 1,
    Priv = 2,
    Reportable = 4,
}

/// <summary>
/// An SNMPv3 message with USM security parameters (RFC 3412 §6, RFC 3414 §2.4):
/// SEQUENCE { msgVersion, msgGlobalData, msgSecurityParameters (OCTET STRING holding
/// UsmSecurityParameters), msgData (ScopedPDU, or encryptedPDU when privacy is on) }.
/// </summary>
internal sealed class UsmMessage
{
    /// <summary>RFC 3412 §6: msgSecurityModel 3 is USM (RFC 3411 §5 SnmpSecurityModel).</summary>
    private const int UsmSecurityModel = 3;

    /// <summary>Our msgMaxSize: the largest UDP payload over IPv4.</summary>
    public const int MaxMessageSize = 65507;

    public int MessageId { get; init; }

    public MessageFlags Flags { get; init; }

    public byte[] EngineId { get; init; } = [];

    public int EngineBoots { get; init; }

    public int EngineTime { get; init; }

    public byte[] UserName { get; init; } = [];

    public byte[] PrivParameters { get; init; } = [];

    /// <summary>Where msgAuthenticationParameters sits in the whole message (RFC 3414 §6.3.2 step 3 zeroes it to verify).</summary>
    public int AuthOffset { get; init; }

    public int AuthLength { get; init; }

    /// <summary>The ScopedPDU, or the encryptedPDU when <see cref="Flags"/> has Priv.</summary>
    public byte[] Data { get; init; } = [];

    /// <summary>Builds, encrypts and signs a request (RFC 3414 §3.1.1 and §3.1.2 for the outgoing steps).</summary>
    public static byte[] Encode(
        int messageId,
        MessageFlags flags,
        UsmEngineState engine,
        byte[] userName,
        UsmAuthentication? auth,
        byte[]? authKey,
        UsmPrivacy? privacy,
        ReadOnlySpan<byte> contextEngineId,
        ReadOnlySpan<byte> contextName,
        SnmpPdu pdu)
    {
        var scoped = new AsnWriter(AsnEncodingRules.BER);
        using (scoped.PushSequence())
        {
            scoped.WriteOctetString(contextEngineId);
            scoped.WriteOctetString(contextName);
            PduCodec.Write(scoped, pdu);
        }

        int boots = engine.Boots;
        int time = engine.EstimatedTime;
        byte[] privParameters = privacy is null ? [] : new byte[8];
        byte[] data = privacy is null ? scoped.Encode() : privacy.Encrypt(scoped.Encode(), boots, time, privParameters);

        var security = new AsnWriter(AsnEncodingRules.BER);
        using (security.PushSequence())
        {
            security.WriteOctetString(engine.EngineId);
            security.WriteInteger(boots);
            security.WriteInteger(time);
            security.WriteOctetString(userName);
            security.WriteOctetString(new byte[auth?.MacLength ?? 0]);
            security.WriteOctetString(privParameters);
        }

        var message = new AsnWriter(AsnEncodingRules.BER);
        using (message.PushSequence())
        {
            message.WriteInteger(3);
            using (message.PushSequence())
            {
                message.WriteInteger(messageId);
                message.WriteInteger(MaxMessageSize);
                message.WriteOctetString([(byte)flags]);
                message.WriteInteger(UsmSecurityModel);
            }

            message.WriteOctetString(security.Encode());
            if (privacy is null)
            {
                message.WriteEncodedValue(data);
            }
            else
            {
                message.WriteOctetString(data);
            }
        }

        byte[] bytes = message.Encode();
        if (auth is not null)
        {
            // RFC 3414 §6.3.1 / §7.3.1: the MAC covers the whole message with the parameter zeroed, then fills it.
            UsmMessage parsed = Decode(bytes);
            auth.Sign(authKey!, bytes, bytes.AsSpan(parsed.AuthOffset, parsed.AuthLength));
        }

        return bytes;
    }

    public static UsmMessage Decode(ReadOnlySpan<byte> message)
    {
        var outer = new BerReader(message);
        BerReader body = outer.ReadSequence("the message");
        long version = body.ReadInteger("msgVersion");
        if (version != 3)
        {
            throw BerReader.Malformed($"a version {version} message in answer to an SNMPv3 request");
        }

        BerReader global = body.ReadSequence("msgGlobalData");
        int messageId = global.ReadInt32("msgID");
        _ = global.ReadInt32("msgMaxSize");
        ReadOnlySpan<byte> flags = global.ReadOctetString("msgFlags");
        if (flags.Length != 1)
        {
            throw BerReader.Malformed($"msgFlags of {flags.Length} bytes");
        }

        int model = global.ReadInt32("msgSecurityModel");
        if (model != UsmSecurityModel)
        {
            throw BerReader.Malformed($"security model {model}, not USM (3)");
        }

        ReadOnlySpan<byte> securityBytes = body.Read(Asn1Tag.PrimitiveOctetString, "msgSecurityParameters", out int securityOffset);
        var securityReader = new BerReader(securityBytes, securityOffset);
        BerReader security = securityReader.ReadSequence("UsmSecurityParameters");
        byte[] engineId = security.ReadOctetString("msgAuthoritativeEngineID").ToArray();
        int boots = security.ReadInt32("msgAuthoritativeEngineBoots");
        int time = security.ReadInt32("msgAuthoritativeEngineTime");
        byte[] user = security.ReadOctetString("msgUserName").ToArray();
        ReadOnlySpan<byte> mac = security.Read(Asn1Tag.PrimitiveOctetString, "msgAuthenticationParameters", out int authOffset);
        byte[] privParameters = security.ReadOctetString("msgPrivacyParameters").ToArray();

        var messageFlags = (MessageFlags)flags[0];
        byte[] data = (messageFlags & MessageFlags.Priv) != 0
            ? body.ReadOctetString("the encryptedPDU").ToArray()
            : body.ReadEncoded("the ScopedPDU").ToArray();
        return new UsmMessage
        {
            MessageId = messageId,
            Flags = messageFlags,
            EngineId = engineId,
            EngineBoots = boots,
            EngineTime = time,
            UserName = user,
            AuthOffset = authOffset,
            AuthLength = mac.Length,
            PrivParameters = privParameters,
            Data = data,
        };
    }

    /// <summary>Reads contextEngineID, contextName and the PDU from a (decrypted) ScopedPDU.</summary>
    public static SnmpPdu DecodeScopedPdu(ReadOnlySpan<byte> scopedPdu)
    {
        var outer = new BerReader(scopedPdu);
        BerReader scoped = outer.ReadSequence("the ScopedPDU");
        _ = scoped.ReadOctetString("contextEngineID");
        _ = scoped.ReadOctetString("contextName");
        return PduCodec.Read(ref scoped);
    }
}
