using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NetOpsPS.Devices.Snmp.Internal;

namespace NetOpsPS.Devices.Snmp;

/// <summary>SNMPv3: discovery, time synchronisation, authentication, privacy and reports (RFC 3412, RFC 3414).</summary>
public sealed partial class SnmpClient
{
    /// <summary>RFC 3414 §5 usmStats: 1.3.6.1.6.3.15.1.1.N.0 counters that reports carry.</summary>
    private static readonly SnmpOid UsmStats = SnmpOid.Parse("1.3.6.1.6.3.15.1.1");

    private UsmEngineState _engine = new();
    private int _messageId = RandomNumberGenerator.GetInt32(1, int.MaxValue / 2);
    private UsmAuthentication? _auth;
    private byte[]? _authKey;
    private UsmPrivacy? _privacy;

    /// <summary>The agent's snmpEngineID once discovered (SNMPv3), else empty.</summary>
    public ReadOnlyMemory<byte> EngineId => _engine.EngineId;

    /// <summary>snmpEngineBoots as last learned from the agent (SNMPv3).</summary>
    public int EngineBoots => _engine.Boots;

    private MessageFlags SecurityFlags => Target.Credential.SecurityLevel switch
    {
        SnmpSecurityLevel.AuthPriv => MessageFlags.Auth | MessageFlags.Priv,
        SnmpSecurityLevel.AuthNoPriv => MessageFlags.Auth,
        _ => MessageFlags.None,
    };

    private async Task<SnmpPdu> ExchangeV3Async(SnmpPdu request, CancellationToken cancellationToken)
    {
        if (!_engine.IsDiscovered)
        {
            await DiscoverAsync(Target.EngineId, cancellationToken).ConfigureAwait(false);
        }

        byte[] user = Encoding.UTF8.GetBytes(Target.Credential.UserName!);
        byte[] contextName = Encoding.UTF8.GetBytes(Target.ContextName);
        bool resynchronised = false, rediscovered = false;
        while (true)
        {
            int messageId = NextMessageId();
            byte[] message = UsmMessage.Encode(
                messageId, SecurityFlags | MessageFlags.Reportable, _engine, user, _auth, _authKey, _privacy, _engine.EngineId, contextName, request);
            SnmpPdu? answer = await SendAndReceiveAsync(message, bytes => AcceptV3(bytes, messageId, request.RequestId), cancellationToken)
                .ConfigureAwait(false);
            if (answer is null)
            {
                throw TimeoutError(null);
            }

            if (answer.Type != PduType.Report)
            {
                return answer;
            }

            SnmpError report = Classify(answer);
            if (report == SnmpError.NotInTimeWindow && !resynchronised)
            {
                // RFC 3414 §4: the report carried the agent's boots and time (AcceptV3 took them); try once more.
                resynchronised = true;
                continue;
            }

            if (report == SnmpError.UnknownEngineId && !rediscovered)
            {
                // The agent restarted with another engine ID, or the given one was wrong: discover it (RFC 3414 §4).
                rediscovered = true;
                await DiscoverAsync(null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw ReportError(report, answer);
        }
    }

    /// <summary>RFC 3414 §4: an empty noAuthNoPriv request draws a report carrying snmpEngineID, boots and time.</summary>
    private async Task DiscoverAsync(byte[]? knownEngineId, CancellationToken cancellationToken)
    {
        if (knownEngineId is { Length: > 0 })
        {
            // Time is learned from the first notInTimeWindow report, which the resynchronisation step handles.
            _engine.Discovered(knownEngineId, 0, 0);
        }
        else
        {
            int messageId = NextMessageId();
            var probe = new SnmpPdu(PduType.GetRequest, NextRequestId(), 0, 0, []);
            byte[] message = UsmMessage.Encode(messageId, MessageFlags.Reportable, new UsmEngineState(), [], null, null, null, [], [], probe);
            UsmMessage? reply = await SendAndReceiveAsync(
                message,
                bytes =>
                {
                    UsmMessage m = UsmMessage.Decode(bytes.Span);
                    return m.MessageId == messageId ? m : null;
                },
                cancellationToken).ConfigureAwait(false);
            if (reply is null)
            {
                throw TimeoutError(" to engine ID discovery (RFC 3414 §4)");
            }

            if (reply.EngineId.Length is < 5 or > 32)
            {
                throw BerReader.Malformed($"discovery answered an snmpEngineID of {reply.EngineId.Length} bytes (RFC 3411 §5: 5 to 32)");
            }

            _engine.Discovered(reply.EngineId, reply.EngineBoots, reply.EngineTime);
        }

        UseKeys();
    }

    /// <summary>Another client for the same agent, with its own socket, sharing this one's engine state and keys (parallel walks).</summary>
    internal SnmpClient CreateLane()
    {
        var lane = new SnmpClient(Target);
        if (Version == SnmpVersion.V3 && _engine.IsDiscovered)
        {
            lane._engine = _engine;
            lane.UseKeys();
        }

        return lane;
    }

    private void UseKeys()
    {
        SnmpCredential credential = Target.Credential;
        UsmLocalizedKeys keys = credential.KeysFor(_engine.EngineId);
        _auth = credential.AuthProtocol == SnmpAuthProtocol.None ? null : UsmAuthentication.For(credential.AuthProtocol);
        _authKey = keys.AuthKey;
        _privacy?.Dispose();
        _privacy = keys.PrivKey is null ? null : UsmPrivacy.Create(credential.PrivProtocol, keys.PrivKey);
    }

    /// <summary>
    /// Turns a datagram into the answer to message <paramref name="messageId"/> (RFC 3412 §7.2 matches on msgID),
    /// or null to discard it: another message, a failed MAC (RFC 3414 §3.2 step 6), outside the time window (step 7),
    /// or a response at a lower security level than the request (RFC 3412 §7.2 step 12).
    /// </summary>
    private SnmpPdu? AcceptV3(ReadOnlyMemory<byte> datagram, int messageId, int requestId)
    {
        UsmMessage message = UsmMessage.Decode(datagram.Span);
        if (message.MessageId != messageId)
        {
            return null;
        }

        bool authenticated = (message.Flags & MessageFlags.Auth) != 0;
        if (authenticated)
        {
            if (_auth is null || message.AuthLength != _auth.MacLength || !message.EngineId.AsSpan().SequenceEqual(_engine.EngineId) || !MacIsValid(datagram, message))
            {
                return null;
            }
        }

        byte[] scoped = message.Data;
        if ((message.Flags & MessageFlags.Priv) != 0)
        {
            if (_privacy is null || !authenticated)
            {
                return null;
            }

            scoped = _privacy.Decrypt(message.Data, message.EngineBoots, message.EngineTime, message.PrivParameters)
                ?? throw BerReader.Malformed("an encryptedPDU that cannot be decrypted (wrong length or salt)");
        }

        SnmpPdu pdu = UsmMessage.DecodeScopedPdu(scoped);
        if (pdu.Type == PduType.Report)
        {
            if (authenticated && Classify(pdu) == SnmpError.NotInTimeWindow)
            {
                _engine.Resynchronise(message.EngineBoots, message.EngineTime);
            }

            return pdu;
        }

        if (pdu.Type != PduType.Response || pdu.RequestId != requestId || (message.Flags & ~MessageFlags.Reportable) != SecurityFlags)
        {
            return null;
        }

        return !authenticated || _engine.AcceptTime(message.EngineBoots, message.EngineTime) ? pdu : null;
    }

    // RFC 3414 §6.3.2 / §7.3.2: recompute the MAC with msgAuthenticationParameters zeroed; compare in constant time.
    private bool MacIsValid(ReadOnlyMemory<byte> datagram, UsmMessage message)
    {
        byte[] copy = datagram.ToArray();
        Span<byte> received = stackalloc byte[message.AuthLength];
        copy.AsSpan(message.AuthOffset, message.AuthLength).CopyTo(received);
        copy.AsSpan(message.AuthOffset, message.AuthLength).Clear();
        Span<byte> expected = stackalloc byte[message.AuthLength];
        _auth!.Sign(_authKey!, copy, expected);
        return CryptographicOperations.FixedTimeEquals(received, expected);
    }

    private static SnmpError Classify(SnmpPdu report)
    {
        if (report.VarBinds.Count == 0 || !report.VarBinds[0].Oid.StartsWith(UsmStats) || report.VarBinds[0].Oid.Length != UsmStats.Length + 2)
        {
            return SnmpError.Report;
        }

        return report.VarBinds[0].Oid.Arcs[UsmStats.Length] switch
        {
            1 => SnmpError.UnsupportedSecurityLevel,
            2 => SnmpError.NotInTimeWindow,
            3 => SnmpError.UnknownUserName,
            4 => SnmpError.UnknownEngineId,
            5 => SnmpError.WrongDigest,
            6 => SnmpError.DecryptionError,
            _ => SnmpError.Report,
        };
    }

    private SnmpException ReportError(SnmpError error, SnmpPdu report)
    {
        SnmpCredential c = Target.Credential;
        string user = c.UserName ?? string.Empty;
        string message = error switch
        {
            SnmpError.UnknownUserName => $"{Target} does not know the user '{user}' (report usmStatsUnknownUserNames, RFC 3414 §3.2 step 4).",
            SnmpError.WrongDigest => $"{Target} rejected the authentication of user '{user}': wrong auth password or wrong auth protocol ({c.AuthProtocol}) (report usmStatsWrongDigests, RFC 3414 §3.2 step 6).",
            SnmpError.UnsupportedSecurityLevel => $"{Target} does not allow user '{user}' at security level {c.SecurityLevel} (report usmStatsUnsupportedSecLevels, RFC 3414 §3.2 step 5).",
            SnmpError.NotInTimeWindow => $"{Target} still says the request is outside its time window after one resynchronisation (report usmStatsNotInTimeWindows, RFC 3414 §3.2 step 7).",
            SnmpError.DecryptionError => $"{Target} could not decrypt the request of user '{user}': wrong privacy protocol or password (report usmStatsDecryptionErrors, RFC 3414 §3.2 step 8).",
            SnmpError.UnknownEngineId => $"{Target} keeps answering usmStatsUnknownEngineIDs after discovery (RFC 3414 §3.2 step 3).",
            _ => $"{Target} answered with a report: {(report.VarBinds.Count > 0 ? report.VarBinds[0].ToString() : "no varbinds")}.",
        };
        return new SnmpException(error, message) { Target = Target.ToString(), Oid = report.VarBinds.Count > 0 ? report.VarBinds[0].Oid : null };
    }

    private int NextMessageId() => Interlocked.Increment(ref _messageId) & int.MaxValue;
}
